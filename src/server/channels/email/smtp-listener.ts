// Relais's own SMTP listener: the brand's MX (or its mail server's forwarding rule) delivers here. Recipients
// are checked at RCPT time (550 for an address no channel receives for), and DATA is acknowledged with 250 only
// once intake has committed; any failure on our side answers 451 so the sending server keeps the mail and
// retries, and a retry is harmless because the Message-ID is the message's externalId.
// No AUTH (this is a receiving MX, not a relay) and no STARTTLS (no certificate of ours yet): put the listener
// behind the brand's mail server, or on a private network, when transport encryption matters.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { Logger } from 'pino';
import type { ChannelDeps } from '../channel-adapter.ts';
import { recordDeadLetter } from '../channels.service.ts';
import { createEmailDirectory, type EmailDirectory } from './email-directory.ts';
import { MAX_MESSAGE_BYTES } from './email-settings.ts';
import { ingestEmail, UnreadableMailError, type MailTarget } from './ingest-email.ts';

export type EmailListener = { port: number; stop(): Promise<void> };

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export async function startEmailListener(deps: ChannelDeps, options: { port: number; host?: string; logger?: Logger }): Promise<EmailListener> {
  const log = options.logger;
  const directory = createEmailDirectory(deps.db, (err, channelId) => log?.error({ err, channelId }, 'email channel settings unreadable'));
  const server = new SMTPServer({
    banner: 'Relais', logger: false, authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES, maxClients: 100, closeTimeout: 10_000,
    onRcptTo(address, _session, callback) {
      directory.find(address.address).then(
        (found) => callback(found ? undefined : smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`)),
        (err) => {
          log?.error({ err }, 'email recipient lookup failed');
          callback(smtpError(451, '4.3.0 temporary failure, try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError(552, `5.3.4 message larger than ${MAX_MESSAGE_BYTES} bytes`));
        receive(deps, directory, session, Buffer.concat(chunks), log).then(() => callback(), (err: Error) => callback(err));
      });
    },
  });
  // Connection-level errors (a client resetting) are reported here; without a listener they would crash the process.
  server.on('error', (err) => log?.warn({ err }, 'smtp connection error'));
  await new Promise<void>((resolve, reject) => {
    // One line the start-up can print as is ("relais: …"), with the errno code kept for callers that branch on it.
    const failed = (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? 'is already in use' : err.code === 'EACCES' ? 'needs privileges (choose one above 1024)' : `cannot be opened: ${err.message}`;
      reject(Object.assign(new Error(`SMTP listener port ${options.port} ${why}: set RELAIS_SMTP_LISTEN_PORT`), { code: err.code }));
    };
    server.server.once('error', failed);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.server.off('error', failed);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function receive(deps: ChannelDeps, directory: EmailDirectory, session: SMTPServerSession, raw: Buffer, log: Logger | undefined) {
  const targets = new Map<string, MailTarget>();
  try {
    for (const rcpt of session.envelope.rcptTo) {
      const found = await directory.find(rcpt.address);
      if (found && !targets.has(found.channel.id)) targets.set(found.channel.id, { ...found, address: rcpt.address.toLowerCase() });
    }
    if (targets.size === 0) throw smtpError(451, '4.3.0 recipient no longer configured, try again later');
    const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    await ingestEmail({ db: deps.db, queue: deps.queue, dataDir: deps.config.dataDir, metrics: deps.metrics, isSupportAddress: directory.isSupportAddress },
      [...targets.values()], raw, envelopeFrom);
  } catch (err) {
    if ((err as { responseCode?: number }).responseCode) throw err;
    if (err instanceof UnreadableMailError) {
      // Kept for inspection, then refused for good: the sender gets a bounce naming the reason.
      const first = [...targets.values()][0];
      await recordDeadLetter(deps.db, {
        orgId: first?.channel.orgId, channelId: first?.channel.id, source: 'email', reason: err.message,
        headers: { mailFrom: session.envelope.mailFrom || null, rcptTo: session.envelope.rcptTo.map((r) => r.address) },
        payload: raw.toString('utf8'),
      }).catch((e) => {
        log?.error({ err: e }, 'dead letter not recorded');
        throw smtpError(451, '4.3.0 temporary failure, try again later');
      });
      throw smtpError(554, `5.6.0 ${err.message}`);
    }
    log?.error({ err }, 'email intake failed');
    throw smtpError(451, '4.3.0 temporary failure, try again later');
  }
}
