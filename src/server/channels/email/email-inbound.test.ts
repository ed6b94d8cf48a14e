// Mail received by the SMTP listener from real clients (swaks, nodemailer) and stored through intake.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq, like } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { contacts, conversations, deadLetters, messages } from '../../db/schema/index.ts';
import type { Config } from '../../config.ts';
import { emailAdapter } from './adapter.ts';
import { startEmailListener } from './smtp-listener.ts';
import { attachmentPath } from './store-attachments.ts';
import { startEmailFixture, SUPPORT, swaks } from './email-testing.ts';

let f: Awaited<ReturnType<typeof startEmailFixture>>;
before(async () => {
  f = await startEmailFixture({ maxAttachmentBytes: 64 * 1024 });
});
after(() => f.close());

const resolve = (conversationId: string) => f.db.update(conversations).set({ status: 'resolved', resolvedAt: new Date() }).where(eq(conversations.id, conversationId));

test('a mail from swaks is stored in a new conversation with its subject, acknowledged after the commit', async () => {
  const res = await swaks(f.listener.port, ['--to', SUPPORT, '--from', 'camille.martin@exemple.fr',
    '--header', 'Subject: Retard du TER de 8h12', '--header', 'Message-Id: <swaks-1@exemple.fr>',
    '--body', 'Bonjour, mon train avait 40 minutes de retard ce matin.']);
  assert.equal(res.code, 0, res.output);
  assert.match(res.output, /<-\s+250 /);
  const row = await f.stored('<swaks-1@exemple.fr>');
  assert.ok(row, 'stored before the 250');
  assert.equal(row.conversation.subject, 'Retard du TER de 8h12');
  assert.match(row.message.body, /40 minutes de retard/);
  assert.equal(row.message.direction, 'inbound');
  assert.equal((row.message.metadata as { supportAddress: string }).supportAddress, SUPPORT);
  const [contact] = await f.db.select().from(contacts).where(eq(contacts.id, row.conversation.contactId));
  assert.equal(contact?.email, 'camille.martin@exemple.fr');
});

test('an unknown recipient is refused with 550 and nothing is stored', async () => {
  const res = await swaks(f.listener.port, ['--to', 'inconnu@ter-azur.example', '--from', 'x@exemple.fr',
    '--header', 'Message-Id: <unknown-rcpt@exemple.fr>', '--body', 'Bonjour']);
  assert.notEqual(res.code, 0);
  assert.match(res.output, /550 5\.1\.1/);
  assert.equal(await f.countWith('<unknown-rcpt@exemple.fr>'), 0);
});

test('nodemailer: HTML is sanitized, CC kept, an oversize attachment dropped with a note, the rest stored', async () => {
  const small = Buffer.alloc(2000, 7);
  await f.client.sendMail({
    envelope: { from: 'lea.dubois@exemple.fr', to: [SUPPORT] }, messageId: '<html-1@exemple.fr>',
    from: 'Léa Dubois <lea.dubois@exemple.fr>', to: [SUPPORT, 'paul.dubois@exemple.fr'], cc: ['Marc <Marc@Exemple.fr>', 'contact@ter-azur.example'],
    subject: 'Demande de remboursement', text: 'Voir la pièce jointe, merci.',
    html: '<p onclick="steal()">Voir la <b>pièce jointe</b><script>alert(1)</script> <a href="javascript:alert(1)">ici</a><img src="https://tracker.example/o.gif"></p>',
    attachments: [{ filename: 'billet.pdf', content: small, contentType: 'application/pdf' }, { filename: 'video.mov', content: Buffer.alloc(100 * 1024, 1) }],
  });
  const row = await f.stored('<html-1@exemple.fr>');
  assert.ok(row);
  assert.match(row.message.body, /^Voir la pièce jointe, merci\./);
  assert.match(row.message.body, /Pièce jointe non conservée : « video\.mov »/);
  assert.match(row.message.bodyHtml ?? '', /<b>pièce jointe<\/b>/);
  assert.doesNotMatch(row.message.bodyHtml ?? '', /script|onclick|javascript:|tracker/);
  assert.equal(row.message.attachments.length, 1);
  const [kept] = row.message.attachments;
  assert.equal(kept?.name, 'billet.pdf');
  assert.equal(kept?.size, small.length);
  assert.deepEqual(await readFile(attachmentPath(f.dataDir, kept!.storageKey!)), small);
  const meta = row.message.metadata as { droppedAttachments: { name: string; size: number }[] };
  assert.equal(meta.droppedAttachments[0]?.name, 'video.mov');
  // Reply-all: the other recipients, without the brand's own addresses.
  assert.deepEqual(row.conversation.cc, ['marc@exemple.fr', 'paul.dubois@exemple.fr']);
});

test('an HTML-only mail gets its text body from the HTML', async () => {
  await f.client.sendMail({ envelope: { from: 'ines@exemple.fr', to: [SUPPORT] }, messageId: '<html-only@exemple.fr>',
    from: 'ines@exemple.fr', to: SUPPORT, subject: 'Abonnement', html: '<div>Bonjour,<br>je veux <i>résilier</i> mon abonnement.</div><script>x()</script>' });
  const row = await f.stored('<html-only@exemple.fr>');
  assert.match(row?.message.body ?? '', /je veux résilier mon abonnement/);
  assert.doesNotMatch(row?.message.body ?? '', /x\(\)/);
});

test('a resent Message-ID is not duplicated, nor a resent mail without Message-ID', async () => {
  const raw = 'From: Hugo <hugo@exemple.fr>\r\nTo: support@ter-azur.example\r\nSubject: Doublon\r\nMessage-ID: <resend-1@exemple.fr>\r\n\r\nPremier envoi.\r\n';
  const noId = 'From: Hugo <hugo@exemple.fr>\r\nTo: support@ter-azur.example\r\nSubject: Sans identifiant\r\n\r\nMarqueur-sans-id-42.\r\n';
  for (let i = 0; i < 2; i++) {
    await f.client.sendMail({ envelope: { from: 'hugo@exemple.fr', to: [SUPPORT] }, raw });
    await f.client.sendMail({ envelope: { from: 'hugo@exemple.fr', to: [SUPPORT] }, raw: noId });
  }
  assert.equal(await f.countWith('<resend-1@exemple.fr>'), 1);
  assert.equal((await f.db.select({ id: messages.id }).from(messages).where(like(messages.body, '%Marqueur-sans-id-42%'))).length, 1);
});

test('replies thread by In-Reply-To / References into their conversation, even resolved and from another sender', async () => {
  await f.client.sendMail({ envelope: { from: 'nora@exemple.fr', to: [SUPPORT] }, messageId: '<thread-1@exemple.fr>',
    from: 'Nora <nora@exemple.fr>', to: SUPPORT, subject: 'Carte Zou perdue', text: 'J’ai perdu ma carte Zou.' });
  const first = await f.stored('<thread-1@exemple.fr>');
  assert.ok(first);
  await resolve(first.conversation.id);
  // Her husband answers from his own address: a new contact, but the same thread.
  await f.client.sendMail({ envelope: { from: 'yanis@exemple.fr', to: [SUPPORT] }, messageId: '<thread-2@exemple.fr>',
    from: 'yanis@exemple.fr', to: SUPPORT, subject: 'Re: Carte Zou perdue', text: 'Le numéro est 1234.',
    inReplyTo: '<thread-1@exemple.fr>', references: ['<thread-1@exemple.fr>'] });
  const second = await f.stored('<thread-2@exemple.fr>');
  assert.equal(second?.conversation.id, first.conversation.id);
  assert.equal(second?.conversation.subject, 'Carte Zou perdue');
  assert.equal(second?.conversation.status, 'open');

  // A reply to our answer names it by the Message-ID send() gave it.
  const [answer] = await f.db.insert(messages).values({ orgId: f.tenant.orgId, conversationId: first.conversation.id, channelId: f.channel.id,
    direction: 'outbound', authorKind: 'agent', body: 'Nous avons bloqué la carte.' }).returning();
  await resolve(first.conversation.id);
  await f.client.sendMail({ envelope: { from: 'nora@exemple.fr', to: [SUPPORT] }, messageId: '<thread-3@exemple.fr>',
    from: 'nora@exemple.fr', to: SUPPORT, subject: 'Re: Carte Zou perdue', text: 'Merci !',
    inReplyTo: `<relais.${answer!.id}@ter-azur.example>`, references: ['<thread-1@exemple.fr>', `<relais.${answer!.id}@ter-azur.example>`] });
  const third = await f.stored('<thread-3@exemple.fr>');
  assert.equal(third?.conversation.id, first.conversation.id);
  // The colleague who wrote in the thread is copied on the answers; the customer herself is not her own CC.
  assert.deepEqual(third?.conversation.cc, ['yanis@exemple.fr']);

  // A new mail naming nothing we know starts its own conversation.
  await resolve(first.conversation.id);
  await f.client.sendMail({ envelope: { from: 'nora@exemple.fr', to: [SUPPORT] }, messageId: '<thread-4@exemple.fr>',
    from: 'nora@exemple.fr', to: SUPPORT, subject: 'Autre question', text: 'Et les vélos ?', inReplyTo: '<elsewhere@exemple.fr>' });
  assert.notEqual((await f.stored('<thread-4@exemple.fr>'))?.conversation.id, first.conversation.id);
});

test('an auto-reply is stored flagged, and adds nobody to the CC', async () => {
  const res = await swaks(f.listener.port, ['--to', SUPPORT, '--from', 'camille.martin@exemple.fr',
    '--header', 'Subject: Réponse automatique : Retard du TER de 8h12', '--header', 'Auto-Submitted: auto-replied',
    '--header', 'Cc: collegue@exemple.fr', '--header', 'Message-Id: <ooo-1@exemple.fr>', '--body', 'Je suis absente jusqu’au 12.']);
  assert.equal(res.code, 0, res.output);
  const row = await f.stored('<ooo-1@exemple.fr>');
  assert.equal((row?.message.metadata as { autoReply?: boolean }).autoReply, true);
  assert.equal((row?.message.metadata as { bounce?: boolean }).bounce, undefined);
  assert.deepEqual(row?.conversation.cc, []);
});

test('a bounce is stored flagged, in the conversation of the mail that bounced', async () => {
  await f.client.sendMail({ envelope: { from: 'zoe@exemple.fr', to: [SUPPORT] }, messageId: '<bounce-origin@exemple.fr>',
    from: 'zoe@exemple.fr', to: SUPPORT, subject: 'Objet trouvé', text: 'J’ai oublié mon sac.' });
  const origin = await f.stored('<bounce-origin@exemple.fr>');
  const [answer] = await f.db.insert(messages).values({ orgId: f.tenant.orgId, conversationId: origin!.conversation.id, channelId: f.channel.id,
    direction: 'outbound', authorKind: 'agent', body: 'Votre sac est au guichet.' }).returning();
  const ourId = `<relais.${answer!.id}@ter-azur.example>`;
  const raw = [
    'From: Mail Delivery System <MAILER-DAEMON@mx.exemple.fr>', 'To: support@ter-azur.example', 'Subject: Undelivered Mail Returned to Sender',
    'Message-ID: <bounce-1@mx.exemple.fr>', 'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=delivery-status; boundary="B"', '',
    '--B', 'Content-Type: text/plain; charset=utf-8', '', "L'adresse zoe@exemple.fr n'existe pas.", '',
    '--B', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.exemple.fr', '', 'Final-Recipient: rfc822; zoe@exemple.fr', 'Action: failed', 'Status: 5.1.1', '',
    '--B', 'Content-Type: text/rfc822-headers', '', 'From: support@ter-azur.example', 'To: zoe@exemple.fr', `Message-ID: ${ourId}`, 'Subject: Re: Objet trouvé', '',
    '--B--', '',
  ].join('\r\n');
  await f.client.sendMail({ envelope: { from: '', to: [SUPPORT] }, raw });
  const row = await f.stored('<bounce-1@mx.exemple.fr>');
  assert.ok(row);
  assert.equal((row.message.metadata as { bounce?: boolean }).bounce, true);
  assert.equal(row.conversation.id, origin!.conversation.id);
});

test('a failure while storing answers 451, stores nothing, and the retry is accepted', async () => {
  // A data directory that is a file: the attachment cannot be written.
  const blocked = join(f.dataDir, 'not-a-directory');
  await writeFile(blocked, 'x');
  const broken = await startEmailListener({ ...f.deps, config: { ...f.deps.config, dataDir: blocked } }, { port: 0, host: '127.0.0.1' });
  const mail = { envelope: { from: 'remi@exemple.fr', to: [SUPPORT] }, messageId: '<retry-1@exemple.fr>', from: 'remi@exemple.fr', to: SUPPORT,
    subject: 'Facture', text: 'Ci-joint.', attachments: [{ filename: 'facture.pdf', content: Buffer.from('pdf') }] };
  const client = nodemailer.createTransport({ host: '127.0.0.1', port: broken.port, ignoreTLS: true });
  await assert.rejects(client.sendMail(mail), (err: { responseCode?: number }) => err.responseCode === 451);
  client.close();
  await broken.stop();
  assert.equal(await f.countWith('<retry-1@exemple.fr>'), 0);
  await f.client.sendMail(mail);
  assert.equal(await f.countWith('<retry-1@exemple.fr>'), 1);
});

test('a mail with no sender at all is kept as a dead letter and refused for good (554)', async () => {
  const raw = 'To: support@ter-azur.example\r\nSubject: Sans expéditeur\r\nMessage-ID: <nobody@exemple.fr>\r\n\r\nQui suis-je ?\r\n';
  await assert.rejects(f.client.sendMail({ envelope: { from: '', to: [SUPPORT] }, raw }), (err: { responseCode?: number }) => err.responseCode === 554);
  assert.equal(await f.countWith('<nobody@exemple.fr>'), 0);
  const letters = await f.db.select().from(deadLetters).where(eq(deadLetters.channelId, f.channel.id));
  assert.equal(letters.length, 1);
  assert.equal(letters[0]?.source, 'email');
  assert.match(letters[0]?.payload ?? '', /Qui suis-je/);
});

test('the adapter starts its listener from config.smtpListenPort, and none without it', async () => {
  const off = await emailAdapter.start!({ ...f.deps });
  await off.stop();
  const on = await emailAdapter.start!({ ...f.deps, config: { ...f.deps.config, host: '127.0.0.1', smtpListenPort: 0 } as Config }) as { port: number; stop(): Promise<void> };
  const res = await swaks(on.port, ['--to', SUPPORT, '--from', 'adapter@exemple.fr', '--header', 'Message-Id: <adapter-1@exemple.fr>', '--body', 'Bonjour'])
    .finally(() => on.stop());
  assert.equal(res.code, 0, res.output);
  assert.equal(await f.countWith('<adapter-1@exemple.fr>'), 1);
});

test('a port already in use fails start-up with one clear line', async () => {
  await assert.rejects(startEmailListener(f.deps, { port: f.listener.port, host: '127.0.0.1' }),
    (err: Error & { code?: string }) => err.code === 'EADDRINUSE' && /SMTP listener port \d+ is already in use/.test(err.message));
});
