// The two Meta channels: Facebook (Page comments and Messenger) and Instagram (comments and Direct messages).
// Same Graph API, same webhook format, same code; they differ by the account id and a few endpoints.
import type { ChannelAdapter } from '../channel-adapter.ts';
import { sendToMeta } from './meta-send.ts';
import {
  facebookAccess, facebookSettingsSchema, instagramAccess, instagramSettingsSchema,
  type FacebookSettings, type InstagramSettings,
} from './meta-settings.ts';
import { metaWebhookRoutes } from './meta-webhook-routes.ts';

export const facebookAdapter: ChannelAdapter<FacebookSettings> = {
  type: 'facebook',
  settingsSchema: facebookSettingsSchema,
  registerRoutes: metaWebhookRoutes({ network: 'facebook', access: facebookAccess }),
  send: (message, _channel, settings) => sendToMeta('facebook', message, facebookAccess(settings)),
};

export const instagramAdapter: ChannelAdapter<InstagramSettings> = {
  type: 'instagram',
  settingsSchema: instagramSettingsSchema,
  registerRoutes: metaWebhookRoutes({ network: 'instagram', access: instagramAccess }),
  send: (message, _channel, settings) => sendToMeta('instagram', message, instagramAccess(settings)),
};
