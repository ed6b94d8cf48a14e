// What an SMS channel (Twilio, or any provider speaking Twilio's API) needs: credentials, a sender, and the
// public address Twilio calls, which the webhook signature is computed over.
import { z } from 'zod';

export const smsSettingsSchema = z
  .object({
    accountSid: z.string().min(1),
    /** Signs Twilio's webhooks (HMAC key) and authenticates our API calls. */
    authToken: z.string().min(1),
    fromNumber: z.string().min(1).optional(),
    messagingServiceSid: z.string().min(1).optional(),
    apiBaseUrl: z.url().default('https://api.twilio.com'),
    /**
     * Base URL of Relais as Twilio reaches it (`https://support.example.com`, or with the path prefix a
     * proxy strips). Falls back to RELAIS_PUBLIC_URL, then to the forwarded scheme and host of the request.
     */
    publicUrl: z.url().optional(),
  })
  .refine((s) => Boolean(s.fromNumber || s.messagingServiceSid), {
    message: 'fromNumber or messagingServiceSid is required',
    path: ['fromNumber'],
  });

export type SmsSettings = z.infer<typeof smsSettingsSchema>;
