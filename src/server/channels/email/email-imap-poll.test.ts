// One poll of a real IMAP mailbox (Debian's Dovecot, started by the test): unseen mail is stored through intake,
// then flagged \Seen or moved; a mail that fails to store stays unseen. Without Dovecot installed, before() fails
// with the install command: nothing is skipped.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { deadLetters, messages } from '../../db/schema/index.ts';
import { emailSettingsSchema } from './email-settings.ts';
import { SUPPORT } from './email-testing.ts';
import { pollMailbox } from './imap-mailbox.ts';
import { ingestEmail } from './ingest-email.ts';
import { mail, startImapFixture, type ImapFixture } from './imap-testing.ts';

let fx: ImapFixture;
before(async () => {
  fx = await startImapFixture();
});
after(() => fx?.close());

test('the IMAP settings: defaults, port from TLS, and moveTo distinct from the mailbox', () => {
  const base = { addresses: [SUPPORT], fromName: 'TER' };
  const parsed = emailSettingsSchema.parse({ ...base, imap: { host: 'imap.exemple.fr', user: 'u', password: 'p' } });
  assert.deepEqual(parsed.imap, { host: 'imap.exemple.fr', port: 993, secure: true, user: 'u', password: 'p', mailbox: 'INBOX', pollSeconds: 60 });
  assert.equal(emailSettingsSchema.parse({ ...base, imap: { host: 'h', user: 'u', password: 'p', secure: false } }).imap?.port, 143);
  assert.equal(emailSettingsSchema.safeParse({ ...base, imap: { host: 'h', user: 'u', password: 'p', moveTo: 'INBOX' } }).success, false);
  assert.equal(emailSettingsSchema.parse(base).imap, undefined);
});

test('unseen mails are stored (threaded, flagged), then flagged \\Seen; read mail is left alone; a second poll adds nothing', async () => {
  const channel = await fx.imapChannel('Threads');
  await fx.deliver('Threads', mail('imap-1'));
  await fx.deliver('Threads', mail('imap-2', ['In-Reply-To: <imap-1@exemple.fr>'], 'Le numéro est 1234.').replace('camille@', 'yanis@'));
  await fx.deliver('Threads', mail('imap-3', ['Auto-Submitted: auto-replied'], 'Je suis absente.'));
  await fx.deliver('Threads', mail('imap-read'), ['\\Seen']);

  const first = await pollMailbox(channel, fx.pollDeps());
  assert.deepEqual(first, { stored: 3, deadLettered: 0, skipped: 0, failed: 0, more: false });
  const [one] = await fx.storedIn(channel.channel.id, 'imap-1');
  const [two] = await fx.storedIn(channel.channel.id, 'imap-2');
  const [three] = await fx.storedIn(channel.channel.id, 'imap-3');
  assert.equal(two?.conversationId, one?.conversationId, 'the reply joins its thread');
  assert.equal((one?.metadata as { supportAddress?: string }).supportAddress, SUPPORT);
  assert.equal((three?.metadata as { autoReply?: boolean }).autoReply, true);
  assert.equal((await fx.storedIn(channel.channel.id, 'imap-read')).length, 0, 'mail already read in the mailbox is not taken');
  assert.deepEqual(await fx.mailboxState('Threads'), { messages: 4, unseen: 0 });

  const second = await pollMailbox(channel, fx.pollDeps());
  assert.equal(second.stored, 0);
  assert.equal((await fx.storedIn(channel.channel.id, 'imap-1')).length, 1);
});

test('a mail whose storing fails stays unseen, and the next poll stores it once', async () => {
  const channel = await fx.imapChannel('Flaky');
  await fx.deliver('Flaky', mail('flaky-1'));
  await fx.deliver('Flaky', mail('flaky-2'));
  let failures = 0;
  const ingest: typeof ingestEmail = async (deps, targets, raw) => {
    if (raw.includes('flaky-1@') && failures++ === 0) throw new Error('database unavailable');
    return ingestEmail(deps, targets, raw);
  };
  const first = await pollMailbox(channel, fx.pollDeps({ ingest }));
  assert.equal(first.failed, 1);
  assert.equal(first.stored, 1, 'one failing mail does not hold back the others');
  assert.equal((await fx.storedIn(channel.channel.id, 'flaky-1')).length, 0);
  assert.deepEqual(await fx.mailboxState('Flaky'), { messages: 2, unseen: 1 });

  const second = await pollMailbox(channel, fx.pollDeps({ ingest }));
  assert.equal(second.stored, 1);
  assert.equal((await fx.storedIn(channel.channel.id, 'flaky-1')).length, 1);
  assert.deepEqual(await fx.mailboxState('Flaky'), { messages: 2, unseen: 0 });
});

test('a mail stored just before a crash (still unseen) is read again without a duplicate', async () => {
  const channel = await fx.imapChannel('Crash');
  await fx.deliver('Crash', mail('crash-1'));
  // The commit happened, the \Seen flag did not.
  await ingestEmail(fx.pollDeps(), [{ ...channel, address: SUPPORT }], Buffer.from(mail('crash-1')));
  await pollMailbox(channel, fx.pollDeps());
  assert.equal((await fx.storedIn(channel.channel.id, 'crash-1')).length, 1);
  assert.deepEqual(await fx.mailboxState('Crash'), { messages: 1, unseen: 0 });
});

test('with moveTo, processed mail is moved to that folder, created when missing', async () => {
  const channel = await fx.imapChannel('Moving', { moveTo: 'Processed' });
  await fx.deliver('Moving', mail('move-1'));
  const result = await pollMailbox(channel, fx.pollDeps());
  assert.equal(result.stored, 1);
  assert.equal((await fx.storedIn(channel.channel.id, 'move-1')).length, 1);
  assert.equal((await fx.mailboxState('Moving')).messages, 0);
  assert.equal((await fx.mailboxState('Processed')).messages, 1);
});

test('an unreadable mail becomes a dead letter and is marked; a copy of our own reply is skipped', async () => {
  const channel = await fx.imapChannel('Odd');
  await fx.deliver('Odd', `To: ${SUPPORT}\r\nSubject: Sans expéditeur\r\nMessage-ID: <odd-1@exemple.fr>\r\n\r\nQui suis-je ?\r\n`);
  await fx.deliver('Odd', mail('own').replace('<own@exemple.fr>', '<relais.0b6d1f3e-5f0c-4a53-9d7e-2f9a1c3b4d5e@ter-azur.example>'));
  const result = await pollMailbox(channel, fx.pollDeps());
  assert.deepEqual(result, { stored: 0, deadLettered: 1, skipped: 1, failed: 0, more: false });
  const letters = await fx.f.db.select().from(deadLetters).where(eq(deadLetters.channelId, channel.channel.id));
  assert.equal(letters.length, 1);
  assert.match(letters[0]?.payload ?? '', /Qui suis-je/);
  assert.equal((await fx.f.db.select().from(messages).where(eq(messages.channelId, channel.channel.id))).length, 0);
  assert.deepEqual(await fx.mailboxState('Odd'), { messages: 2, unseen: 0 });
});
