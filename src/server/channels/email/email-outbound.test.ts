// Replies sent by the adapter through an SMTP relay: threading headers, CC, signature, and relay errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { conversations, messages } from '../../db/schema/index.ts';
import { startSmtpRecorder } from '../../testing/local-receivers.ts';
import type { OutboundMessage } from '../channel-adapter.ts';
import { channelById } from '../channels.service.ts';
import { configureEmailSending, emailAdapter } from './adapter.ts';
import type { EmailSettings } from './email-settings.ts';
import { startEmailFixture, startMailCapture, SUPPORT } from './email-testing.ts';

let f: Awaited<ReturnType<typeof startEmailFixture>>;
let settings: EmailSettings;
before(async () => {
  f = await startEmailFixture();
  settings = (await channelById<EmailSettings>(f.db, f.channel.id)).settings;
});
after(() => f.close());

/** A customer's mail through the listener, then an agent's answer built the way the outbox builds it. */
async function conversationWithAnswer(tag: string, metadata: Record<string, unknown> = {}) {
  await f.client.sendMail({
    envelope: { from: `client-${tag}@exemple.fr`, to: [SUPPORT] }, messageId: `<in-${tag}@exemple.fr>`, references: [`<root-${tag}@exemple.fr>`],
    from: `Client ${tag} <client-${tag}@exemple.fr>`, to: SUPPORT, cc: `voisin-${tag}@exemple.fr`, subject: 'Retard du TER de 8h12', text: 'Bonjour',
  });
  const inbound = (await f.stored(`<in-${tag}@exemple.fr>`))!;
  const [answer] = await f.db.insert(messages).values({ orgId: f.tenant.orgId, conversationId: inbound.conversation.id, channelId: f.channel.id,
    direction: 'outbound', authorKind: 'agent', body: 'Bonjour, nous vous remboursons le billet.', metadata }).returning();
  const outbound: OutboundMessage = {
    messageId: answer!.id, orgId: f.tenant.orgId, conversationId: inbound.conversation.id, body: answer!.body, isPublic: false, metadata,
    recipient: { externalId: `client-${tag}@exemple.fr`, displayName: `Client ${tag}` }, subject: inbound.conversation.subject,
    inReplyTo: { externalId: inbound.message.externalId, metadata: inbound.message.metadata },
  };
  return { inbound, outbound };
}

test('a reply carries From, To, CC, "Re:" subject, threading headers and the team signature', async () => {
  const relay = await startMailCapture();
  configureEmailSending({ defaultSmtpUrl: relay.url, db: f.db });
  const { outbound } = await conversationWithAnswer('a', { signature: 'L’équipe TER Azur\n09 69 32 21 41' });
  const result = await emailAdapter.send(outbound, f.channel, settings);
  await relay.close();
  assert.equal(result.ok, true);
  assert.equal(result.ok && result.externalId, `<relais.${outbound.messageId}@ter-azur.example>`);
  const [mail] = relay.mails;
  assert.ok(mail);
  assert.deepEqual(mail.envelope.to.sort(), ['client-a@exemple.fr', 'voisin-a@exemple.fr']);
  assert.equal(mail.parsed.from?.value[0]?.address, SUPPORT);
  assert.equal(mail.parsed.from?.value[0]?.name, 'Service client TER Azur');
  assert.equal(mail.parsed.subject, 'Re: Retard du TER de 8h12');
  assert.equal(mail.parsed.messageId, result.ok ? result.externalId : '');
  assert.equal(mail.parsed.inReplyTo, '<in-a@exemple.fr>');
  assert.deepEqual(mail.parsed.references, ['<root-a@exemple.fr>', '<in-a@exemple.fr>']);
  assert.match(mail.parsed.text ?? '', /nous vous remboursons le billet\.\n\n-- \nL’équipe TER Azur/);
  assert.equal(mail.parsed.headers.get('auto-submitted'), undefined);
});

test('the shared SMTP recorder sees the reply sent to the customer and the CC, without signature when none is given', async () => {
  const recorder = await startSmtpRecorder();
  configureEmailSending({ defaultSmtpUrl: recorder.url, db: f.db });
  const { outbound } = await conversationWithAnswer('b', { autoSubmitted: true });
  assert.equal((await emailAdapter.send(outbound, f.channel, settings)).ok, true);
  await recorder.close();
  assert.equal(recorder.mails.length, 1);
  assert.equal(recorder.mails[0]?.from, SUPPORT);
  assert.deepEqual(recorder.mails[0]?.to.sort(), ['client-b@exemple.fr', 'voisin-b@exemple.fr']);
  assert.equal(recorder.mails[0]?.subject, 'Re: Retard du TER de 8h12');
  assert.doesNotMatch(recorder.mails[0]?.text ?? '', /-- /);
});

test('the customer\'s answer to the reply comes back into the same conversation', async () => {
  const relay = await startMailCapture();
  configureEmailSending({ defaultSmtpUrl: relay.url, db: f.db });
  const { inbound, outbound } = await conversationWithAnswer('c');
  const sent = await emailAdapter.send(outbound, f.channel, settings);
  await relay.close();
  assert.ok(sent.ok);
  await f.db.update(conversations).set({ status: 'resolved' }).where(eq(conversations.id, inbound.conversation.id));
  const ours = relay.mails[0]!.parsed;
  await f.client.sendMail({ envelope: { from: 'client-c@exemple.fr', to: [SUPPORT] }, messageId: '<answer-c@exemple.fr>',
    from: 'client-c@exemple.fr', to: SUPPORT, subject: ours.subject, text: 'Merci beaucoup.',
    inReplyTo: ours.messageId, references: [...(ours.references as string[]), ours.messageId!] });
  assert.equal((await f.stored('<answer-c@exemple.fr>'))?.conversation.id, inbound.conversation.id);
});

test('metadata.cc given by the caller replaces the conversation\'s; Auto-Submitted marks automatic answers', async () => {
  const relay = await startMailCapture();
  configureEmailSending({ defaultSmtpUrl: relay.url });
  const { outbound } = await conversationWithAnswer('d', { cc: ['chef@exemple.fr', SUPPORT], autoSubmitted: true });
  assert.equal((await emailAdapter.send(outbound, f.channel, settings)).ok, true);
  await relay.close();
  assert.deepEqual(relay.mails[0]?.envelope.to.sort(), ['chef@exemple.fr', 'client-d@exemple.fr']);
  assert.equal(relay.mails[0]?.parsed.headers.get('auto-submitted'), 'auto-replied');
});

test('relay errors: 5xx is final, 4xx and a closed port are retried, no relay at all is final', async () => {
  const { outbound } = await conversationWithAnswer('e');
  for (const [code, retryable] of [[550, false], [451, true]] as const) {
    const relay = await startMailCapture(code);
    configureEmailSending({ defaultSmtpUrl: relay.url, db: f.db });
    const result = await emailAdapter.send(outbound, f.channel, settings);
    await relay.close();
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.retryable, retryable, `SMTP ${code}`);
    assert.match(!result.ok ? result.reason : '', new RegExp(String(code)));
  }
  const closed = await startMailCapture();
  await closed.close();
  configureEmailSending({ defaultSmtpUrl: closed.url, db: f.db });
  const down = await emailAdapter.send(outbound, f.channel, settings);
  assert.equal(!down.ok && down.retryable, true);
  configureEmailSending({ db: f.db });
  const none = await emailAdapter.send(outbound, f.channel, settings);
  assert.equal(!none.ok && none.retryable, false);
  // The channel's own relay wins over the process default.
  const own = await startMailCapture();
  const sent = await emailAdapter.send(outbound, f.channel, { ...settings, smtpUrl: own.url });
  await own.close();
  assert.equal(sent.ok, true);
  assert.equal(own.mails.length, 1);
});
