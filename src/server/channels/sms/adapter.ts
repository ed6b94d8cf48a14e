// The SMS channel: Twilio's messaging API and webhooks (also spoken by several Twilio-compatible providers).
import type { ChannelAdapter } from '../channel-adapter.ts';
import { smsSettingsSchema, type SmsSettings } from './sms-settings.ts';
import { registerSmsRoutes } from './sms-routes.ts';
import { sendSms } from './sms-send.ts';

/** send() has no configuration of its own: RELAIS_PUBLIC_URL is remembered from the routes' registration. */
let relaisPublicUrl: string | undefined;

export const smsAdapter: ChannelAdapter<SmsSettings> = {
  type: 'sms',
  settingsSchema: smsSettingsSchema,
  async registerRoutes(app, deps) {
    relaisPublicUrl = deps.config.publicUrl;
    await registerSmsRoutes(app, deps);
  },
  send: (message, channel, settings) => sendSms(message, channel, settings, relaisPublicUrl),
};
