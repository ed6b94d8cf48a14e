// Helpers for the mailbox-polling tests: a real Dovecot beside the email fixture, channels configured to poll
// one of its mailboxes, delivery by APPEND (as a mail server would), and a logger whose entries tests read.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { messages } from '../../db/schema/index.ts';
import { channelById, createConfiguredChannel } from '../channels.service.ts';
import { startDovecot, IMAP_PASSWORD, IMAP_USER } from './dovecot-testing.ts';
import type { EmailSettings, ImapSettings } from './email-settings.ts';
import { startEmailFixture, SUPPORT } from './email-testing.ts';
import type { MailboxChannel, PollDeps } from './imap-mailbox.ts';

export { freePort as closedPort } from './dovecot-testing.ts';

/** A customer's mail, Message-ID <id@exemple.fr>. */
export const mail = (id: string, extra: string[] = [], body = 'Bonjour.') =>
  [`From: Camille <camille@exemple.fr>`, `To: ${SUPPORT}`, `Subject: Sujet ${id}`, `Message-ID: <${id}@exemple.fr>`, ...extra, '', body, ''].join('\r\n');

export async function startImapFixture() {
  const dovecot = await startDovecot();
  const f = await startEmailFixture().catch(async (err) => {
    await dovecot.stop();
    throw err;
  });

  async function withImap<T>(run: (client: Awaited<ReturnType<typeof dovecot.client>>) => Promise<T>): Promise<T> {
    const client = await dovecot.client();
    try {
      return await run(client);
    } finally {
      await client.logout();
    }
  }

  return {
    dovecot, f,
    /** Delivers like a mail server would (APPEND), unseen unless flags say otherwise. */
    deliver: (mailbox: string, raw: string, flags: string[] = []) => withImap(async (c) => {
      if (mailbox !== 'INBOX') await c.mailboxCreate(mailbox);
      await c.append(mailbox, raw, flags);
    }),
    mailboxState: (mailbox: string) => withImap(async (c) => {
      const status = await c.status(mailbox, { messages: true, unseen: true });
      assert.ok(status, `no status for ${mailbox}`);
      return { messages: status.messages ?? 0, unseen: status.unseen ?? 0 };
    }),
    /** A new email channel of the fixture's brand that polls this Dovecot mailbox. */
    async imapChannel(mailbox: string, overrides: Partial<ImapSettings> = {}): Promise<MailboxChannel> {
      const imap = { host: '127.0.0.1', port: dovecot.port, secure: false, user: IMAP_USER, password: IMAP_PASSWORD, mailbox, pollSeconds: 10, ...overrides };
      const created = await createConfiguredChannel(f.db, f.tenant.orgId, {
        type: 'email', name: `IMAP ${mailbox}`, settings: { addresses: [SUPPORT], fromName: 'Service client TER Azur', imap },
      });
      return await channelById<EmailSettings>(f.db, created.id) as MailboxChannel;
    },
    pollDeps: (extra: Partial<PollDeps> = {}): PollDeps =>
      ({ db: f.db, queue: undefined, dataDir: f.dataDir, metrics: f.deps.metrics, isSupportAddress: () => false, ...extra }),
    /** The messages stored on this channel for <id@exemple.fr>. */
    storedIn: (channelId: string, id: string) =>
      f.db.select().from(messages).where(and(eq(messages.channelId, channelId), eq(messages.externalId, `<${id}@exemple.fr>`))),
    async waitFor(what: string, check: () => Promise<boolean> | boolean, ms = 15_000) {
      for (const end = Date.now() + ms; !(await check());) {
        if (Date.now() > end) assert.fail(`timed out waiting for ${what}\n${dovecot.log().slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      await f.close();
      await dovecot.stop();
    },
  };
}

export type ImapFixture = Awaited<ReturnType<typeof startImapFixture>>;

/** A pino logger whose entries the test reads. */
export function capturedLogger() {
  const entries: Record<string, any>[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { entries.push(JSON.parse(String(chunk))); done(); } });
  return { entries, raw: () => JSON.stringify(entries), logger: pino({ level: 'debug' }, stream) };
}
