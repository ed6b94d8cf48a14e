// The API channel (`api`): any system posts customer messages (api.routes.ts) and receives the replies as
// signed webhooks (send-webhook.ts, webhook-signature.ts).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ChannelAdapter } from '../channel-adapter.ts';
import { apiChannelRoutes } from './api.routes.ts';
import { sendWebhook, type WebhookSettings } from './send-webhook.ts';

export const apiChannelSettings = z.object({
  webhookUrl: z.url({ protocol: /^https?$/ }).describe('Where replies are POSTed'),
  // Generated when absent so that no channel ever sends unsigned webhooks; an admin reads it from the
  // channel's settings (or sets their own, at least 24 characters) and gives it to the receiver.
  webhookSecret: z.string().min(24).max(200).default(() => `whsec_${randomBytes(32).toString('hex')}`),
  timeoutMs: z.number().int().min(1000).max(60_000).default(10_000),
});

export const apiAdapter: ChannelAdapter<WebhookSettings> = {
  type: 'api',
  settingsSchema: apiChannelSettings,
  registerRoutes: apiChannelRoutes,
  send: sendWebhook,
};
