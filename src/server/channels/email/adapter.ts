// The email channel: receives through Relais's own SMTP listener (smtp-listener.ts) and by polling the mailboxes
// of channels configured with IMAP settings (imap-polling.ts), and answers through an SMTP relay
// (send-email-reply.ts). Register with registerAdapter(emailAdapter) and call start() at start-up even when the
// listener is off: start() also polls the mailboxes and gives send() the default relay and the database.
import pino, { type Logger } from 'pino';
import type { ChannelAdapter, ChannelDeps } from '../channel-adapter.ts';
import { emailSettingsSchema, type EmailSettings } from './email-settings.ts';
import { sendEmailReply, type SendContext } from './send-email-reply.ts';
import { startEmailListener } from './smtp-listener.ts';
import { startMailboxPolling } from './imap-polling.ts';

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
    const logger: Logger = (deps as ChannelDeps & { logger?: Logger }).logger
      ?? pino({ level: deps.config.logLevel, base: { component: 'email' } });
    // Always on: without IMAP settings on any channel it only re-reads the email channels every 30 s.
    const polling = startMailboxPolling(deps, { logger });
    const port = deps.config.smtpListenPort;
    if (port === null) return polling;
    const listener = await startEmailListener(deps, { port, host: deps.config.host, logger }).catch(async (err) => {
      await polling.stop();
      throw err;
    });
    logger.info({ port: listener.port }, 'email: SMTP listener ready');
    return { port: listener.port, stop: async () => void (await Promise.all([listener.stop(), polling.stop()])) };
  },
  send: (message, channel, settings) => sendEmailReply(message, channel, settings, sendContext),
};
