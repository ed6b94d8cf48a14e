import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../../testing/test-server.ts';
import { startSmtpRecorder } from '../../testing/local-receivers.ts';
import { conversations, deadLetters, messages } from '../../db/schema/index.ts';
import { adapterFor, registerAdapter } from '../registry.ts';
import { channelById, createConfiguredChannel } from '../channels.service.ts';
import type { ChannelRecord, OutboundMessage } from '../channel-adapter.ts';
import { webFormAdapter, type WebFormSettings } from './adapter.ts';
import { issueFormToken } from './form-guard.ts';
import { WEB_FORM_SUBMIT_LIMIT } from './web-form.routes.ts';
import { NO_SMTP_REASON } from './send-reply-by-email.ts';

if (!adapterFor('web_form')) registerAdapter(webFormAdapter);

describe('web-form channel', () => {
  let server: TestServer;
  let tenant: Tenant;
  let channel: ChannelRecord & { webhookKey: string };
  let settings: WebFormSettings;
  let ip = 0;
  // Each request from its own address unless a test names one: the per-address limit stays out of the way.
  const nextIp = () => `10.1.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`;
  const aged = () => issueFormToken(settings.formSecret, channel.id, Date.now() - 10_000);
  const form = (extra: Record<string, string> = {}) => ({
    name: 'Camille Martin', email: 'Camille@Example.test', subject: 'Colis abîmé', message: 'Mon colis est arrivé abîmé.',
    orderReference: 'CMD-2291', website: '', formToken: aged(), ...extra,
  });
  const submit = (payload: unknown, options: { html?: boolean; urlencoded?: boolean; ip?: string; key?: string } = {}) =>
    server.app.inject({
      method: 'POST', url: `/hooks/web-form/${options.key ?? channel.webhookKey}`, remoteAddress: options.ip ?? nextIp(),
      headers: {
        accept: options.html ? 'text/html,application/xhtml+xml' : 'application/json',
        'content-type': options.urlencoded ? 'application/x-www-form-urlencoded' : 'application/json',
      },
      payload: typeof payload === 'string' ? payload : options.urlencoded ? new URLSearchParams(payload as Record<string, string>).toString() : JSON.stringify(payload),
    });
  const countMessages = async () => (await server.database.db.select().from(messages).where(eq(messages.channelId, channel.id))).length;

  before(async () => {
    server = await startTestServer();
    tenant = await server.createTenant('form');
    channel = await createConfiguredChannel(server.database.db, tenant.orgId, { type: 'web_form', name: 'Site', settings: {} });
    settings = (await channelById<WebFormSettings>(server.database.db, channel.id)).settings;
  });
  after(() => server.close());

  it('serves an accessible form in French, or English by Accept-Language or ?lang', async () => {
    const fr = await server.app.inject({ method: 'GET', url: `/hooks/web-form/${channel.webhookKey}/form` });
    assert.equal(fr.statusCode, 200);
    assert.match(fr.headers['content-type'] as string, /text\/html/);
    assert.equal(fr.headers['cache-control'], 'no-store');
    assert.match(fr.body, /<html lang="fr">/);
    assert.match(fr.body, /Nous contacter/);
    for (const field of ['name', 'email', 'subject', 'orderReference', 'message']) assert.match(fr.body, new RegExp(`<label for="${field}">`));
    assert.match(fr.body, /name="formToken" value="v1\./);
    assert.match(fr.body, /aria-hidden="true"><label for="website">/);
    assert.match(fr.body, new RegExp(`action="/hooks/web-form/${channel.webhookKey}"`));
    const en = await server.app.inject({ method: 'GET', url: `/hooks/web-form/${channel.webhookKey}/form`, headers: { 'accept-language': 'de-DE,en;q=0.8,fr;q=0.5' } });
    assert.match(en.body, /<html lang="en">[\s\S]*Contact us/);
    const forced = await server.app.inject({ method: 'GET', url: `/hooks/web-form/${channel.webhookKey}/form?lang=fr`, headers: { 'accept-language': 'en' } });
    assert.match(forced.body, /<html lang="fr">/);
    assert.equal((await server.app.inject({ method: 'GET', url: '/hooks/web-form/nope/form' })).statusCode, 404);
  });

  it('stores a browser submission through intake and shows a thank-you page', async () => {
    const res = await submit(form(), { html: true, urlencoded: true });
    assert.equal(res.statusCode, 201, res.body);
    assert.match(res.body, /Merci, votre message est bien arrivé/);
    const [stored] = await server.database.db.select().from(messages).where(eq(messages.channelId, channel.id));
    assert.equal(stored!.body, 'Mon colis est arrivé abîmé.\n\n— Référence de commande : CMD-2291');
    assert.equal(stored!.isPublic, false);
    assert.deepEqual(stored!.metadata, { webForm: { lang: 'fr', orderReference: 'CMD-2291' } });
    const [conversation] = await server.database.db.select().from(conversations).where(eq(conversations.id, stored!.conversationId));
    assert.equal(conversation!.subject, 'Colis abîmé');
  });

  it('takes JSON, and a double submit of one form is one message', async () => {
    const payload = form({ email: 'lea@example.test' });
    const first = await submit(payload);
    assert.equal(first.statusCode, 201);
    assert.equal(json(first).duplicate, false);
    const again = await submit(payload);
    assert.equal(again.statusCode, 200);
    assert.deepEqual(json(again), { messageId: json(first).messageId, duplicate: true });
    const rows = await server.database.db.select().from(messages).where(eq(messages.id, json(first).messageId));
    assert.equal(rows.length, 1);
  });

  it('refuses a filled honeypot, a too-fast submission and a forged token, without dead letters', async () => {
    const before = await countMessages();
    const trapped = await submit(form({ website: 'http://spam.example' }));
    assert.equal(trapped.statusCode, 400);
    assert.equal(json(trapped).error.details.reason, 'honeypot');
    const fresh = json(await server.app.inject({ method: 'GET', url: `/hooks/web-form/${channel.webhookKey}/form-token` }));
    assert.equal(fresh.minSubmitSeconds, 3);
    const tooFast = await submit(form({ formToken: fresh.formToken }));
    assert.equal(tooFast.statusCode, 400);
    assert.equal(json(tooFast).error.details.reason, 'too_fast');
    const forged = await submit(form({ formToken: issueFormToken('another-secret-another-secret-another', channel.id, Date.now() - 10_000) }));
    assert.equal(json(forged).error.details.reason, 'invalid_token');
    const missing = await submit({ ...form(), formToken: undefined });
    assert.equal(json(missing).error.details.reason, 'missing_token');
    const stale = await submit(form({ formToken: issueFormToken(settings.formSecret, channel.id, Date.now() - 13 * 3600_000) }));
    assert.equal(json(stale).error.details.reason, 'expired_token');
    assert.equal(await countMessages(), before);
    const letters = await server.database.db.select().from(deadLetters).where(eq(deadLetters.channelId, channel.id));
    assert.equal(letters.length, 0);
  });

  it('gives a person in a browser the form back, filled in, with the reason', async () => {
    const fresh = json(await server.app.inject({ method: 'GET', url: `/hooks/web-form/${channel.webhookKey}/form-token` }));
    const res = await submit(form({ formToken: fresh.formToken }), { html: true, urlencoded: true });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /role="alert"/);
    assert.match(res.body, /envoyé trop vite/);
    assert.match(res.body, /value="Camille Martin"/);
    assert.match(res.body, /Mon colis est arrivé abîmé\.<\/textarea>/);
  });

  it('answers 400 with the reason to a malformed payload and keeps it as a dead letter', async () => {
    const broken = await submit('{"name": ');
    assert.equal(broken.statusCode, 400);
    assert.match(json(broken).error.message, /malformed JSON/);
    const invalid = await submit(form({ email: 'not-an-email' }));
    assert.equal(invalid.statusCode, 400);
    assert.match(json(invalid).error.message, /^email:/);
    const letters = await server.database.db.select().from(deadLetters).where(eq(deadLetters.channelId, channel.id));
    assert.equal(letters.length, 2);
    assert.ok(letters.some((l) => l.payload === '{"name": '));
    assert.equal((await submit(form(), { key: 'unknown-key' })).statusCode, 404);
  });

  it('leaves the rest of the API with its own JSON parsing', async () => {
    const res = await server.app.inject({
      method: 'POST', url: '/api/templates', headers: { ...bearer(tenant.adminToken), 'content-type': 'application/json' }, payload: '{"name": ',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(json(res).error.code, 'invalid_json');
  });

  it('limits a flood from one address with 429 while another address still passes', async () => {
    for (let i = 0; i < WEB_FORM_SUBMIT_LIMIT; i++) await submit({}, { ip: '203.0.113.7' });
    const limited = await submit(form(), { ip: '203.0.113.7' });
    assert.equal(limited.statusCode, 429);
    assert.equal(json(limited).error.code, 'rate_limited');
    assert.equal((await submit(form(), { ip: '203.0.113.8' })).statusCode, 201);
  });

  describe('replies', () => {
    const reply = (): OutboundMessage => ({
      messageId: '00000000-0000-4000-8000-000000000003', orgId: tenant.orgId, conversationId: '00000000-0000-4000-8000-000000000004',
      body: 'Nous vous renvoyons un colis.', isPublic: false, metadata: {},
      recipient: { externalId: 'camille@example.test', displayName: 'Camille Martin' }, subject: 'Colis abîmé', inReplyTo: null,
    });

    it('go out by email through the channel\'s relay', async () => {
      const smtp = await startSmtpRecorder();
      try {
        const result = await webFormAdapter.send(reply(), channel, { ...settings, smtpUrl: smtp.url, replyFrom: 'Service client <support@marque.test>' });
        assert.equal(result.ok, true);
        assert.equal(smtp.mails.length, 1);
        assert.deepEqual(smtp.mails[0]!.to, ['camille@example.test']);
        assert.equal(smtp.mails[0]!.from, 'support@marque.test');
        assert.equal(smtp.mails[0]!.subject, 'Re: Colis abîmé');
        assert.match(smtp.mails[0]!.text, /Nous vous renvoyons un colis\./);
      } finally {
        await smtp.close();
      }
    });

    it('fail visibly without a relay, and are retried when the relay is down', async () => {
      assert.deepEqual(await webFormAdapter.send(reply(), channel, settings), { ok: false, retryable: false, reason: NO_SMTP_REASON });
      const down = await webFormAdapter.send(reply(), channel, { ...settings, smtpUrl: 'smtp://127.0.0.1:1' });
      assert.equal(down.ok === false && down.retryable, true);
    });
  });
});
