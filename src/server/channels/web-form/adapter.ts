// The web-form channel (`web_form`): a contact form for the brand's site and help center (web-form.routes.ts)
// whose replies go back by email (send-reply-by-email.ts).
import { z } from 'zod';
import type { ChannelAdapter } from '../channel-adapter.ts';
import { formGuardSettings } from './form-guard.ts';
import { sendReplyByEmail, type MailRoute } from './send-reply-by-email.ts';
import { webFormRoutes } from './web-form.routes.ts';

export const webFormSettings = z.object({
  ...formGuardSettings,
  /** The brand's own relay, to answer from its own domain; else the server's RELAIS_SMTP_URL. */
  smtpUrl: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  /** "Service client <support@marque.fr>"; else RELAIS_MAIL_FROM. */
  replyFrom: z.string().trim().min(3).max(320).optional(),
});
export type WebFormSettings = z.output<typeof webFormSettings>;

// send() receives no server configuration (ChannelAdapter.send has no deps), so the server's mail settings
// are taken when the routes are registered, which happens once per server at start-up.
let serverMail: MailRoute = { smtpUrl: undefined, from: 'Relais <relais@localhost>' };

export const webFormAdapter: ChannelAdapter<WebFormSettings> = {
  type: 'web_form',
  settingsSchema: webFormSettings,
  async registerRoutes(app, deps) {
    serverMail = { smtpUrl: deps.config.smtpUrl, from: deps.config.mailFrom };
    await webFormRoutes(app, deps);
  },
  send: (message, _channel, settings) =>
    sendReplyByEmail(message, { smtpUrl: settings.smtpUrl ?? serverMail.smtpUrl, from: settings.replyFrom ?? serverMail.from }),
};
