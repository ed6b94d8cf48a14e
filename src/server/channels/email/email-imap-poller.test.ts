// The mailbox pollers against a real IMAP server (Debian's Dovecot, started by the test): a wrong password or a
// server down is retried with backoff, never crashes; new, corrected and removed channels are followed; stop()
// finishes the mail in hand and logs out. Without Dovecot installed, before() fails: nothing is skipped.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { updateChannelSettings } from '../channels.service.ts';
import { emailAdapter } from './adapter.ts';
import { IMAP_PASSWORD } from './dovecot-testing.ts';
import { startMailboxPolling } from './imap-polling.ts';
import { ingestEmail } from './ingest-email.ts';
import { capturedLogger, closedPort, mail, startImapFixture, type ImapFixture } from './imap-testing.ts';

let fx: ImapFixture;
before(async () => {
  fx = await startImapFixture();
});
after(() => fx?.close());

test('the poller retries a wrong password with backoff, takes corrected settings and new channels, and never logs the password', async () => {
  const wrong = await fx.imapChannel('Late', { password: 'not-the-password' });
  const { entries, raw, logger } = capturedLogger();
  const polling = startMailboxPolling(fx.f.deps, { logger, secondMs: 10, refreshSeconds: 10 });
  const failuresOf = () => entries.filter((e) => e.channelId === wrong.channel.id && e.err?.authenticationFailed);
  try {
    await fx.waitFor('two failed logins', () => failuresOf().length >= 2);
    const [a, b] = failuresOf();
    assert.ok(b!.retryInSeconds > a!.retryInSeconds, `backoff: ${a!.retryInSeconds}s then ${b!.retryInSeconds}s`);

    await fx.deliver('Late', mail('late-1'));
    await updateChannelSettings(fx.f.db, fx.f.tenant.orgId, wrong.channel.id, { ...wrong.settings, imap: { ...wrong.settings.imap, password: IMAP_PASSWORD } });
    await fx.waitFor('the corrected channel to be polled', async () => (await fx.storedIn(wrong.channel.id, 'late-1')).length === 1);

    const fresh = await fx.imapChannel('Fresh');
    await fx.deliver('Fresh', mail('fresh-1'));
    await fx.waitFor('the new channel to be polled', async () => (await fx.storedIn(fresh.channel.id, 'fresh-1')).length === 1);

    // A server that is down is retried too; a channel whose IMAP settings are removed is no longer polled.
    const down = await fx.imapChannel('Down', { port: await closedPort() });
    const downErrors = () => entries.filter((e) => e.channelId === down.channel.id && e.err?.code === 'ECONNREFUSED').length;
    await fx.waitFor('the unreachable server to be retried', () => downErrors() >= 2);
    const { imap: _removed, ...withoutImap } = down.settings;
    await updateChannelSettings(fx.f.db, fx.f.tenant.orgId, down.channel.id, withoutImap);
    await fx.waitFor('its poller to stop', () => entries.some((e) => e.channelId === down.channel.id && e.msg === 'imap: poller stopped'));
  } finally {
    await polling.stop();
  }
  assert.doesNotMatch(raw(), /not-the-password|correct horse/);
});

test('stop() waits for the mail in hand, leaves the rest unseen, logs out, and polls no more', async () => {
  const channel = await fx.imapChannel('Slow');
  await fx.deliver('Slow', mail('slow-1'));
  await fx.deliver('Slow', mail('slow-2'));
  let entered = false;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const ingest: typeof ingestEmail = async (deps, targets, raw) => {
    if (raw.includes('slow-1@')) (entered = true, await gate);
    return ingestEmail(deps, targets, raw);
  };
  const { logger } = capturedLogger();
  const polling = startMailboxPolling(fx.f.deps, { logger, secondMs: 10, refreshSeconds: 10, ingest });
  await fx.waitFor('the poll to take slow-1', () => entered);
  let stopped = false;
  const stopping = polling.stop().then(() => (stopped = true));
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(stopped, false, 'stop() waits for the poll in progress');
  release();
  await stopping;

  assert.equal((await fx.storedIn(channel.channel.id, 'slow-1')).length, 1);
  assert.equal((await fx.storedIn(channel.channel.id, 'slow-2')).length, 0);
  assert.deepEqual(await fx.mailboxState('Slow'), { messages: 2, unseen: 1 });
  // Every session so far ended by LOGOUT: Dovecot logs "Disconnected: Logged out" for those, another reason otherwise.
  const count = (re: RegExp) => fx.dovecot.log().match(re)?.length ?? 0;
  await fx.waitFor('every session to be logged out', () => count(/imap-login: Info: Login:/g) === count(/: Info: Disconnected: Logged out/g));
  assert.doesNotMatch(fx.dovecot.log(), /imap\([^)]*\)<\d+><[^>]*>: Info: Disconnected: (?!Logged out)/);
  await fx.deliver('Slow', mail('slow-3'));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await fx.storedIn(channel.channel.id, 'slow-3')).length, 0, 'no poll after stop()');
});

test('the adapter polls IMAP channels even with its SMTP listener off', async () => {
  const channel = await fx.imapChannel('Adapter');
  await fx.deliver('Adapter', mail('adapter-imap-1'));
  const running = await emailAdapter.start!({ ...fx.f.deps });
  try {
    await fx.waitFor('the adapter to poll', async () => (await fx.storedIn(channel.channel.id, 'adapter-imap-1')).length === 1);
  } finally {
    await running.stop();
  }
});
