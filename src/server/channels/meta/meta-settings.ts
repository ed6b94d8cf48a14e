// Settings of the two Meta channels. Both talk to the same Graph API with a Page access token, so they share
// every field except the id of the account that receives messages (a Page, or an Instagram professional account).
import { z } from 'zod';

const secret = z.string().trim().min(1);
const graphId = z.string().trim().regex(/^\d+$/, 'must be the numeric id Meta shows for the account');
const common = {
  /** Signs every webhook (X-Hub-Signature-256) and the API calls (appsecret_proof). */
  appSecret: secret,
  /** The token typed in the app dashboard when subscribing the webhook, echoed back by the handshake. */
  verifyToken: secret,
  pageAccessToken: secret,
  /** Overridable for tests and proxies; Meta's address by default. */
  graphBaseUrl: z.url().default('https://graph.facebook.com').transform((u) => u.replace(/\/+$/, '')),
  graphVersion: z.string().regex(/^v\d+\.\d+$/, 'must look like v21.0').default('v21.0'),
};

export const facebookSettingsSchema = z.object({ ...common, pageId: graphId });
export const instagramSettingsSchema = z.object({ ...common, instagramAccountId: graphId });

export type FacebookSettings = z.infer<typeof facebookSettingsSchema>;
export type InstagramSettings = z.infer<typeof instagramSettingsSchema>;

/** What the shared code needs, whichever the channel. */
export type MetaAccess = {
  appSecret: string;
  verifyToken: string;
  /** The Page id (facebook) or Instagram account id: webhook entries carry it, and events it authored are ours. */
  accountId: string;
  accessToken: string;
  graphBaseUrl: string;
  graphVersion: string;
};

export const facebookAccess = (s: FacebookSettings): MetaAccess => ({
  appSecret: s.appSecret, verifyToken: s.verifyToken, accountId: s.pageId, accessToken: s.pageAccessToken,
  graphBaseUrl: s.graphBaseUrl, graphVersion: s.graphVersion,
});

export const instagramAccess = (s: InstagramSettings): MetaAccess => ({
  appSecret: s.appSecret, verifyToken: s.verifyToken, accountId: s.instagramAccountId, accessToken: s.pageAccessToken,
  graphBaseUrl: s.graphBaseUrl, graphVersion: s.graphVersion,
});
