// What an X channel needs: the app's consumer secret (CRC answers and webhook signatures) and the brand
// account's OAuth 2.0 user access token (tweet.write, dm.write) for replies.
import { z } from 'zod';

export const xSettingsSchema = z.object({
  /** The app's API secret (consumer secret): the key of every HMAC X computes for its webhooks. */
  consumerSecret: z.string().min(1),
  /** OAuth 2.0 user-context access token of the brand account: replies are posted as that account. */
  bearerToken: z.string().min(1),
  /** The brand account's numeric id; when set, events for other accounts subscribed to the same app are ignored. */
  userId: z.string().regex(/^\d+$/, 'must be the numeric account id').optional(),
  apiBaseUrl: z.url().default('https://api.x.com'),
});

export type XSettings = z.infer<typeof xSettingsSchema>;
