// The email channel's pure rules: automated-mail detection, HTML sanitizing, Message-ID handling, reply subjects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectAutomatedMail } from './detect-automated-mail.ts';
import { sanitizeEmailHtml } from './sanitize-email-html.ts';
import { normalizeMessageId, outboundMessageId, referencedIds, relaisMessageUuid, replyReferences } from './message-ids.ts';
import { failure, replySubject } from './send-email-reply.ts';
import { loadConfig } from '../../config.ts';
const parseSmtpListenPort = (v: string | undefined) => loadConfig(v === undefined ? {} : { RELAIS_SMTP_LISTEN_PORT: v }).smtpListenPort;

const facts = (headers: Record<string, unknown>, subject = 'Mon train', fromAddress = 'camille@exemple.fr', envelopeFrom?: string) =>
  ({ headers: new Map(Object.entries(headers)), subject, fromAddress, envelopeFrom });

test('auto-replies are recognized by their headers', () => {
  assert.equal(detectAutomatedMail(facts({ 'auto-submitted': 'auto-replied' }))?.kind, 'autoReply');
  assert.equal(detectAutomatedMail(facts({ 'x-autoreply': 'yes' }))?.kind, 'autoReply');
  assert.equal(detectAutomatedMail(facts({ 'x-auto-response-suppress': 'All' }))?.kind, 'autoReply');
  assert.equal(detectAutomatedMail(facts({ precedence: 'bulk' }))?.kind, 'autoReply');
  assert.equal(detectAutomatedMail(facts({ precedence: 'junk' }))?.kind, 'autoReply');
  assert.equal(detectAutomatedMail(facts({ 'auto-submitted': 'no' })), null);
});

test('auto-replies are recognized by their subjects, and customers\' complaints are not', () => {
  for (const s of ['Out of Office: Mon train', 'Absence du bureau', 'Absence : Mon train', 'Réponse automatique : Mon train', 'Automatic reply: Mon train', "Message d'absence"]) {
    assert.equal(detectAutomatedMail(facts({}, s))?.kind, 'autoReply', s);
  }
  for (const s of ['Absence de réponse à ma réclamation', 'Absence de remboursement', 'Re: Absence de réponse', 'Retard du train de 8h12']) {
    assert.equal(detectAutomatedMail(facts({}, s)), null, s);
  }
});

test('bounces are recognized: delivery-status reports, MAILER-DAEMON, failure subjects', () => {
  const report = { 'content-type': { value: 'multipart/report', params: { 'report-type': 'delivery-status' } } };
  assert.equal(detectAutomatedMail(facts(report))?.kind, 'bounce');
  assert.equal(detectAutomatedMail(facts({}, 'Hello', 'MAILER-DAEMON@mx.exemple.fr'))?.kind, 'bounce');
  assert.equal(detectAutomatedMail(facts({}, 'Undeliverable: Re: Mon train'))?.kind, 'bounce');
  assert.equal(detectAutomatedMail(facts({}, 'Mon train', 'camille@exemple.fr', ''))?.kind, 'autoReply', 'null sender is never answered');
  const receipt = { 'content-type': { value: 'multipart/report', params: { 'report-type': 'disposition-notification' } } };
  assert.equal(detectAutomatedMail(facts(receipt))?.kind, 'autoReply', 'a read receipt');
});

test('HTML keeps its text and loses scripts, handlers, javascript: links and remote images', () => {
  const out = sanitizeEmailHtml('<p onclick="steal()">Bonjour<script>alert(1)</script> <a href="javascript:alert(1)">ici</a>'
    + ' <a href="https://ter-azur.example/aide">aide</a><img src="https://tracker.example/p.gif"><img src="cid:logo"></p><style>p{}</style>');
  assert.doesNotMatch(out, /script|onclick|javascript:|tracker|<style/i);
  assert.match(out, /Bonjour/);
  assert.match(out, /href="https:\/\/ter-azur.example\/aide"/);
  assert.match(out, /rel="noopener noreferrer nofollow"/);
  assert.match(out, /src="cid:logo"/);
});

test('Message-IDs are normalized, and our own ones name the Relais message', () => {
  assert.equal(normalizeMessageId('abc@x.fr'), '<abc@x.fr>');
  assert.equal(normalizeMessageId(' <abc@x.fr> '), '<abc@x.fr>');
  assert.equal(normalizeMessageId(''), null);
  assert.deepEqual(referencedIds('<b@x>', ['<a@x>', '<b@x>']), ['<b@x>', '<a@x>']);
  assert.deepEqual(referencedIds(undefined, '<a@x> <c@x>'), ['<a@x>', '<c@x>']);
  const id = '0b5e2c3a-6a3f-4a51-9a55-4a0c1b9b2f10';
  const own = outboundMessageId(id, 'support@ter-azur.example');
  assert.equal(own, `<relais.${id}@ter-azur.example>`);
  assert.equal(relaisMessageUuid(own), id);
  assert.equal(relaisMessageUuid('<relais.not-a-uuid@x>'), null);
  assert.deepEqual(replyReferences(['<a@x>'], '<b@x>'), ['<a@x>', '<b@x>']);
  assert.equal(replyReferences(Array.from({ length: 50 }, (_, i) => `<m${i}@x>`), '<last@x>').length, 30);
});

test('reply subjects, listener port values and relay errors', () => {
  assert.equal(replySubject('Retard'), 'Re: Retard');
  assert.equal(replySubject('RE: Retard'), 'RE: Retard');
  assert.equal(replySubject(null), 'Re: votre message');
  assert.equal(parseSmtpListenPort(undefined), null);
  assert.equal(parseSmtpListenPort('off'), null);
  assert.equal(parseSmtpListenPort('2525'), 2525);
  assert.throws(() => parseSmtpListenPort('25x'));
  assert.equal(failure(Object.assign(new Error('no such user'), { responseCode: 550 })).retryable, false);
  assert.equal(failure(Object.assign(new Error('try later'), { responseCode: 451 })).retryable, true);
  assert.equal(failure(Object.assign(new Error('refused'), { code: 'ECONNECTION' })).retryable, true);
});
