// One poll of one channel's IMAP mailbox: each unseen mail is stored through ingestEmail, then flagged \Seen (or
// moved) only once stored. A crash in between leaves it unseen: it is read again next time, and intake's unique
// Message-ID makes that second reading store nothing new. Mail that no retry will make readable is kept as a
// dead letter and marked too, so it is not read again forever.
import { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import { recordDeadLetter } from '../channels.service.ts';
import type { EmailChannel } from './email-directory.ts';
import { MAX_MESSAGE_BYTES, type EmailSettings, type ImapSettings } from './email-settings.ts';
import { ingestEmail, UnreadableMailError, type IngestDeps } from './ingest-email.ts';
import { relaisMessageUuid } from './message-ids.ts';

export type MailboxChannel = EmailChannel & { settings: EmailSettings & { imap: ImapSettings } };
export type PollDeps = IngestDeps & { ingest?: typeof ingestEmail; log?: Logger; stopping?: () => boolean };
export type PollResult = { stored: number; deadLettered: number; skipped: number; failed: number; more: boolean };
type Outcome = Exclude<keyof PollResult, 'more'> | 'gone';

/** At most this many mails per poll, so that stop() never waits long; the poller comes back at once for the rest. */
export const MAX_MAILS_PER_POLL = 50;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

export function imapClient(imap: ImapSettings): ImapFlow {
  return new ImapFlow({
    host: imap.host, port: imap.port, secure: imap.secure, auth: { user: imap.user, pass: imap.password },
    // The password must not cross a network in clear: without implicit TLS, STARTTLS is required (except locally).
    ...(imap.secure || LOOPBACK.test(imap.host) ? {} : { doSTARTTLS: true }),
    logger: false, disableAutoIdle: true, connectionTimeout: 30_000, greetingTimeout: 15_000, socketTimeout: 120_000,
    // Sizes are checked before a mail is fetched; these bound the memory a broken server could make us take.
    maxLiteralSize: MAX_MESSAGE_BYTES * 2, maxResponseSize: MAX_MESSAGE_BYTES * 2 + 1024 * 1024,
  });
}

export async function pollMailbox(target: MailboxChannel, deps: PollDeps): Promise<PollResult> {
  const { imap } = target.settings;
  const channelId = target.channel.id;
  const client = imapClient(imap);
  // Failures also reject the command awaited below; an 'error' event without a listener would crash the process.
  client.on('error', (err: Error) => deps.log?.debug({ channelId, err: err.message }, 'imap connection error'));
  const result: PollResult = { stored: 0, deadLettered: 0, skipped: 0, failed: 0, more: false };
  try {
    await client.connect();
  } catch (err) {
    client.close(); // a refused login leaves the socket open
    throw err;
  }
  try {
    if (imap.moveTo) await client.mailboxCreate(imap.moveTo); // { created: false } when it exists
    const lock = await client.getMailboxLock(imap.mailbox);
    try {
      const found = await client.search({ seen: false }, { uid: true });
      if (!found) throw new Error(`searching the mailbox ${imap.mailbox} failed`);
      const uids = [...found].sort((a, b) => a - b);
      const batch = uids.slice(0, MAX_MAILS_PER_POLL);
      const sizes = new Map<number, number>();
      if (batch.length > 0) for (const m of await client.fetchAll(batch, { uid: true, size: true }, { uid: true })) sizes.set(m.uid, m.size ?? 0);
      for (const uid of batch) {
        if (deps.stopping?.()) break; // stop() waits for the mail in hand only
        const outcome = await takeMail(client, target, uid, sizes.get(uid) ?? 0, deps);
        if (outcome === 'gone') continue;
        result[outcome]++;
        if (outcome !== 'failed') await markProcessed(client, imap, uid, deps.log, channelId);
      }
      // Come back at once for the rest, unless this batch was nothing but failures (they would come first again).
      result.more = uids.length > batch.length && result.failed < batch.length;
    } finally {
      lock.release();
    }
  } finally {
    if (client.usable) await client.logout().catch(() => client.close());
    else client.close();
  }
  return result;
}

async function takeMail(client: ImapFlow, target: MailboxChannel, uid: number, size: number, deps: PollDeps): Promise<Outcome> {
  const { channel, settings } = target;
  const where = { mailbox: settings.imap.mailbox, uid };
  if (size > MAX_MESSAGE_BYTES) {
    return deadLetter(target, `the mail is larger than ${MAX_MESSAGE_BYTES} bytes (${size})`, where, '', deps);
  }
  const message = await client.fetchOne(uid, { uid: true, source: true }, { uid: true });
  if (!message || !message.source) return 'gone'; // expunged by someone else meanwhile
  const raw = message.source;
  const header = headerOf(raw);
  // A copy of one of our own replies (a Bcc, a server filing sent mail in the inbox) is not a customer's mail.
  if (relaisMessageUuid(/^message-id:[ \t]*(<[^>\s]+>)/im.exec(header)?.[1] ?? '')) return 'skipped';
  try {
    await (deps.ingest ?? ingestEmail)(deps, [{ ...target, address: supportAddress(header, settings.addresses) }], raw);
    return 'stored';
  } catch (err) {
    if (err instanceof UnreadableMailError) return deadLetter(target, err.message, where, raw.toString('utf8'), deps);
    deps.log?.error({ err, channelId: channel.id, ...where }, 'imap: mail not stored, left unseen for the next poll');
    return 'failed';
  }
}

async function deadLetter(target: MailboxChannel, reason: string, where: object, payload: string, deps: PollDeps): Promise<Outcome> {
  try {
    await recordDeadLetter(deps.db, { orgId: target.channel.orgId, channelId: target.channel.id, source: 'email', reason, headers: { imap: where }, payload });
    deps.log?.warn({ channelId: target.channel.id, reason, ...where }, 'imap: unreadable mail kept as a dead letter');
    return 'deadLettered';
  } catch (err) {
    deps.log?.error({ err, channelId: target.channel.id, ...where }, 'imap: dead letter not recorded, mail left unseen');
    return 'failed';
  }
}

async function markProcessed(client: ImapFlow, imap: ImapSettings, uid: number, log: Logger | undefined, channelId: string) {
  const done = imap.moveTo
    ? await client.messageMove([uid], imap.moveTo, { uid: true })
    : await client.messageFlagsAdd([uid], ['\\Seen'], { uid: true });
  // Not fatal: the mail is stored, and reading it again next time stores nothing new.
  if (!done) log?.warn({ channelId, uid, moveTo: imap.moveTo }, 'imap: stored mail could not be marked; it will be read again');
}

/** The header block (up to the first empty line), enough to find ids and addresses without parsing the body. */
function headerOf(raw: Buffer): string {
  const head = raw.subarray(0, 256 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  return end === -1 ? head : head.slice(0, end);
}

/** Which of the channel's addresses the mail was sent to (To, Cc, Delivered-To...); else the first one. */
function supportAddress(header: string, addresses: string[]): string {
  const lower = header.toLowerCase();
  return addresses.find((a) => lower.includes(a)) ?? addresses[0]!;
}
