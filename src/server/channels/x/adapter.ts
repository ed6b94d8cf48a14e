// The X channel: Account Activity API webhooks in, API v2 posts and direct messages out.
import type { ChannelAdapter } from '../channel-adapter.ts';
import { xSettingsSchema, type XSettings } from './x-settings.ts';
import { registerXRoutes } from './x-routes.ts';
import { sendX } from './x-send.ts';

export const xAdapter: ChannelAdapter<XSettings> = {
  type: 'x',
  settingsSchema: xSettingsSchema,
  registerRoutes: registerXRoutes,
  send: (message, _channel, settings) => sendX(message, settings),
};
