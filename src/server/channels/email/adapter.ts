// The email channel: receives through Relais's own SMTP listener (smtp-listener.ts) and answers through an SMTP
// relay (send-email-reply.ts). Register with registerAdapter(emailAdapter) and call start() at start-up even when
// the listener is off: start() also gives send() the default relay and the database (for the conversation's CC).
import pino, { type Logger } from 'pino';
import type { ChannelAdapter, ChannelDeps } from '../channel-adapter.ts';
import { emailSettingsSchema, type EmailSettings } from './email-settings.ts';
import { sendEmailReply, type SendContext } from './send-email-reply.ts';
import { startEmailListener } from './smtp-listener.ts';

export type { EmailSettings } from './email-settings.ts';
export { SUGGESTED_SMTP_LISTEN_PORT } from './email-settings.ts';


let sendContext: SendContext = {};

/** For a process that sends email replies without calling start() (a worker without the listener, tests). */
export function configureEmailSending(context: SendContext): void {
  sendContext = context;
}

export const emailAdapter: ChannelAdapter<EmailSettings> = {
  type: 'email',
  settingsSchema: emailSettingsSchema,
  async start(deps: ChannelDeps) {
    configureEmailSending({ defaultSmtpUrl: deps.config.smtpUrl, db: deps.db });
    const port = deps.config.smtpListenPort;
    if (port === null) return { stop: async () => {} };
    const logger: Logger = (deps as ChannelDeps & { logger?: Logger }).logger
      ?? pino({ level: deps.config.logLevel, base: { component: 'email' } });
    const listener = await startEmailListener(deps, { port, host: deps.config.host, logger });
    logger.info({ port: listener.port }, 'email: SMTP listener ready');
    return listener;
  },
  send: (message, channel, settings) => sendEmailReply(message, channel, settings, sendContext),
};
