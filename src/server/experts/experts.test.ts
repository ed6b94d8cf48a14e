import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { articles, contacts, events, invitations, reputationEvents, users } from '../db/schema/index.ts';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';
import { createContactRecord, createConversationRecord } from '../testing/fixtures.ts';
import { startSmtpRecorder } from '../testing/local-receivers.ts';
import { hashSecret } from '../accounts/secret-tokens.ts';
import { awardRating } from './reputation.ts';
import { rateConversation } from '../channels/chat/chat-visitor-actions.ts';
import type { ChatContext, VisitorState } from '../channels/chat/chat-context.ts';
import { weakPasswordReason } from './invitations.ts';
import { createProvider, createTeam } from '../organizations/organizations.service.ts';

describe('community experts', () => {
  let server: TestServer;
  let tenant: Tenant;
  let smtp: Awaited<ReturnType<typeof startSmtpRecorder>>;
  let supervisor: { id: string; token: string };
  const post = (token: string, url: string, payload?: object) => server.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const accept = (token: string, password: string) => server.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password } });

  before(async () => {
    smtp = await startSmtpRecorder();
    server = await startTestServer({ RELAIS_SMTP_URL: smtp.url, RELAIS_PUBLIC_URL: 'https://desk.example.test/', RELAIS_MAIL_FROM: 'Relais <relais@example.test>', RELAIS_LOGIN_RATE_LIMIT: '1000' });
    tenant = await server.createTenant();
    supervisor = await tenant.addUser('supervisor');
  });
  after(async () => {
    await server.close();
    await smtp.close();
  });

  async function invite(contactEmail = `lea.${crypto.randomUUID()}@example.test`) {
    const contact = await createContactRecord(server.database.db, tenant.orgId, { name: 'Léa Fontaine', email: contactEmail });
    const res = await post(supervisor.token, '/api/experts', { contactId: contact.id, topics: ['bike_repair'], languages: ['fr'] });
    assert.equal(res.statusCode, 201, res.body);
    return { contact, ...json(res) };
  }

  it('invites a contact as an expert: an account without password, a 7-day link in the answer and by email', async () => {
    const { contact, expert, invitation } = await invite();
    assert.deepEqual([expert.email, expert.name, expert.contactId, expert.invitation, expert.reputation], [contact.email, 'Léa Fontaine', contact.id, 'pending', 0]);
    assert.deepEqual([expert.topics, expert.languages], [['bike_repair'], ['fr']]);
    assert.ok(invitation.url.startsWith('https://desk.example.test/invitation?token='), invitation.url);
    assert.ok(invitation.url.endsWith(encodeURIComponent(invitation.token)));
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 6.99 && days <= 7, `expires in ${days} days`);
    assert.equal(invitation.emailed, true, invitation.emailDetail);
    const mail = smtp.mails.find((m) => m.to.includes(contact.email!));
    assert.ok(mail?.text.includes(invitation.url), 'the link is in the mail');
    const [stored] = await server.database.db.select().from(invitations).where(eq(invitations.userId, expert.id));
    assert.equal(stored!.tokenHash, hashSecret(invitation.token), 'only the hash is stored');
    assert.ok(!JSON.stringify(stored).includes(invitation.token));
    const [user] = await server.database.db.select().from(users).where(eq(users.id, expert.id));
    assert.deepEqual([user!.role, user!.passwordHash], ['expert', null]);
  });

  it('refuses bad invitations: unknown or merged contact, no email, a provider team, a taken contact or email, and non-managers', async () => {
    const noEmail = await createContactRecord(server.database.db, tenant.orgId, { name: 'Sans Mail' });
    const provider = await createProvider(server.database.db, tenant.orgId, { name: 'Presta', slug: `presta-${crypto.randomUUID()}` });
    const providerTeam = await createTeam(server.database.db, tenant.orgId, { name: 'Presta', providerOrgId: provider.id });
    const cases: [object, number, RegExp][] = [
      [{ contactId: noEmail.id, email: 'presta@example.test', teamId: providerTeam.id }, 422, /provider teams are not for experts/],
      [{ contactId: crypto.randomUUID() }, 422, /contactId: no such contact/],
      [{ contactId: noEmail.id }, 422, /email: the contact has no email/],
      [{ contactId: noEmail.id, email: 'not-an-email' }, 422, /email/],
    ];
    for (const [payload, status, message] of cases) {
      const res = await post(supervisor.token, '/api/experts', payload);
      assert.equal(res.statusCode, status, res.body);
      assert.match(json(res).error.message, message);
    }
    const { contact } = await invite();
    assert.equal((await post(supervisor.token, '/api/experts', { contactId: contact.id, email: 'autre@example.test' })).statusCode, 409, 'one account per contact');
    const other = await createContactRecord(server.database.db, tenant.orgId, { email: contact.email! });
    assert.equal((await post(supervisor.token, '/api/experts', { contactId: other.id })).statusCode, 409, 'the email is taken');
    const agent = await tenant.addUser('agent');
    assert.equal((await post(agent.token, '/api/experts', { contactId: noEmail.id, email: 'x@example.test' })).statusCode, 403);
    const merged = await createContactRecord(server.database.db, tenant.orgId, { email: 'merged@example.test' });
    await server.database.db.update(contacts).set({ mergedIntoId: contact.id }).where(eq(contacts.id, merged.id));
    assert.match(json(await post(supervisor.token, '/api/experts', { contactId: merged.id })).error.message, /merged into/);
  });

  it('accepts an invitation once: sets the password and signs in; then the link is used up', async () => {
    const { expert, invitation } = await invite();
    const res = await accept(invitation.token, 'Velo-electrique-2026');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(json(res).user.id, expert.id);
    assert.ok(json(res).csrfToken);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const me = await server.app.inject({ method: 'GET', url: '/api/experts/me', headers: { cookie } });
    assert.equal(me.statusCode, 200);
    assert.equal(json(me).expert.invitation, 'accepted');
    const reused = await accept(invitation.token, 'Velo-electrique-2027');
    assert.equal(reused.statusCode, 409);
    assert.match(json(reused).error.message, /already used/);
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: expert.email, password: 'Velo-electrique-2026' } });
    assert.equal(login.statusCode, 200, 'the first password stands');
    assert.equal((await accept('inv_unknown-token-0000', 'Velo-electrique-2026')).statusCode, 404);
    const audit = await server.database.db.select().from(events).where(and(eq(events.type, 'invitation.accepted'), eq(events.subjectId, expert.id)));
    assert.equal(audit.length, 1);
  });

  it('refuses an expired invitation, and a new one replaces the old link', async () => {
    const { expert, invitation } = await invite();
    await server.database.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.userId, expert.id));
    const expired = await accept(invitation.token, 'Velo-electrique-2026');
    assert.equal(expired.statusCode, 409);
    assert.match(json(expired).error.message, /expired/);
    const list = json(await server.app.inject({ method: 'GET', url: '/api/experts?limit=100', headers: bearer(tenant.adminToken) }));
    assert.equal(list.items.find((e: any) => e.id === expert.id).invitation, 'expired');
    const again = await post(supervisor.token, `/api/experts/${expert.id}/invitation`);
    assert.equal(again.statusCode, 201);
    const second = json(again).invitation.token;
    const third = json(await post(supervisor.token, `/api/experts/${expert.id}/invitation`)).invitation.token;
    assert.equal((await accept(second, 'Velo-electrique-2026')).statusCode, 409, 'a newer link replaced it');
    assert.equal((await accept(third, 'Velo-electrique-2026')).statusCode, 200);
    assert.equal((await post(supervisor.token, `/api/experts/${expert.id}/invitation`)).statusCode, 409, 'already joined');
  });

  it('refuses a weak password without using up the link', async () => {
    const { invitation, expert } = await invite(`camille.bernard.${Date.now()}@example.test`);
    for (const weak of ['court', 'aaaaaaaaaaaa', 'azertyuiop', `${expert.email.split('@')[0]}!`]) {
      const res = await accept(invitation.token, weak);
      assert.equal(res.statusCode, 422, `${weak}: ${res.body}`);
      assert.match(json(res).error.message, /^password: /);
    }
    assert.equal((await accept(invitation.token, 'Une phrase assez longue')).statusCode, 200);
    assert.equal(weakPasswordReason('Une phrase assez longue', 'x@y.z'), null);
  });

  it('rate-limits invitation attempts per address', async () => {
    const limited = await startTestServer({ RELAIS_LOGIN_RATE_LIMIT: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await limited.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token: `inv_guess-${i}-000000`, password: 'Velo-electrique-2026' } })).statusCode);
      }
      assert.deepEqual(statuses, [404, 404, 404, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('lists experts for the core team, changes their topics, capacity and team, and disables them', async () => {
    const { expert } = await invite();
    const { conversation } = await createConversationRecord(server.database.db, tenant.orgId, tenant.channelId, { level: 2, assigneeId: expert.id });
    const listed = json(await server.app.inject({ method: 'GET', url: '/api/experts?topic=bike_repair&limit=100', headers: bearer(tenant.adminToken) }));
    const row = listed.items.find((e: any) => e.id === expert.id);
    assert.equal(row.openConversations, 1, `counts ${conversation.id}`);
    const patch = (payload: object, token = supervisor.token) =>
      server.app.inject({ method: 'PATCH', url: `/api/experts/${expert.id}`, headers: bearer(token), payload });
    const changed = json(await patch({ topics: ['bike_battery'], languages: ['fr', 'en'], capacity: 3, teamId: tenant.teamId }));
    assert.deepEqual([changed.topics, changed.languages, changed.capacity, changed.teamId], [['bike_battery'], ['fr', 'en'], 3, tenant.teamId]);
    assert.equal(json(await patch({ disabled: true })).disabled, true);
    assert.equal((await patch({ capacity: 4 }, (await tenant.addUser('agent')).token)).statusCode, 403);
    assert.equal((await server.app.inject({ method: 'PATCH', url: `/api/experts/${supervisor.id}`, headers: bearer(supervisor.token), payload: { capacity: 1 } })).statusCode, 404, 'not an expert');
    assert.equal((await patch({ capacity: -1 })).statusCode, 422);
  });

  it('lets an expert propose an article from its answer, in review; only the core team publishes it', async () => {
    const expert = await tenant.addUser('expert');
    const { conversation } = await createConversationRecord(server.database.db, tenant.orgId, tenant.channelId, { level: 2 });
    const answer = json(await post(expert.token, `/api/conversations/${conversation.id}/messages`, { body: 'Rechargez la batterie 4 heures.' }));
    const res = await post(expert.token, `/api/conversations/${conversation.id}/propose-article`, {
      title: 'Où recharger sa batterie de vélo ?', body: 'Rechargez la batterie 4 heures.', language: 'fr', messageId: answer.id,
    });
    assert.equal(res.statusCode, 201, res.body);
    const article = json(res);
    assert.equal(article.status, 'in_review');
    assert.match(article.slug, /^ou-recharger-sa-batterie-de-velo-[0-9a-f]{6}$/);
    assert.equal(article.authorUserId, expert.id);
    assert.equal((await server.app.inject({ method: 'PATCH', url: `/api/articles/${article.id}`, headers: bearer(expert.token), payload: { status: 'published' } })).statusCode, 403);
    const [stored] = await server.database.db.select().from(articles).where(eq(articles.id, article.id));
    assert.equal(stored!.status, 'in_review');
    const { conversation: elsewhere } = await createConversationRecord(server.database.db, tenant.orgId, tenant.channelId, { level: 3 });
    assert.equal((await post(expert.token, `/api/conversations/${elsewhere.id}/propose-article`, { title: 'x', body: 'y', language: 'fr' })).statusCode, 404);
    assert.equal((await post(expert.token, `/api/conversations/${conversation.id}/propose-article`, { title: 'x', body: 'y', language: 'fr', messageId: crypto.randomUUID() })).statusCode, 404);
    assert.equal((await post(tenant.adminToken, `/api/conversations/${conversation.id}/propose-article`, { title: 'x', body: 'y', language: 'fr' })).statusCode, 403, 'experts propose; the core team writes articles directly');
  });

  it('awards reputation once per reason: +10 for an accepted answer, +5 for a good rating, -5 for a poor one', async () => {
    const { db } = server.database;
    const expert = await tenant.addUser('expert');
    const helper = await tenant.addUser('expert');
    const agent = await tenant.addUser('agent');
    const reputation = async (id: string) => (await db.select({ r: users.reputation }).from(users).where(eq(users.id, id)))[0]!.r;
    const patch = (id: string, status: string) => server.app.inject({ method: 'PATCH', url: `/api/conversations/${id}`, headers: bearer(expert.token), payload: { status } });

    const { conversation: accepted } = await createConversationRecord(db, tenant.orgId, tenant.channelId, { level: 2 });
    await post(helper.token, `/api/conversations/${accepted.id}/messages`, { body: 'Essayez ceci.' });
    await post(expert.token, `/api/conversations/${accepted.id}/messages`, { body: 'Voici la solution.' });
    assert.equal((await patch(accepted.id, 'resolved')).statusCode, 200);
    assert.equal(await reputation(expert.id), 10);
    assert.equal(await reputation(helper.id), 0, 'only the last staff answer is the accepted one');
    await patch(accepted.id, 'open');
    await patch(accepted.id, 'resolved');
    assert.equal(await reputation(expert.id), 10, 'resolved again: counted once');

    const { conversation: agentLast } = await createConversationRecord(db, tenant.orgId, tenant.channelId, { level: 2 });
    await post(expert.token, `/api/conversations/${agentLast.id}/messages`, { body: 'Première piste.' });
    await post(agent.token, `/api/conversations/${agentLast.id}/messages`, { body: 'Le core team conclut.' });
    await patch(agentLast.id, 'resolved');
    assert.equal(await reputation(expert.id), 10, "the core team's answer closed it: no accepted answer for the expert");

    await db.transaction((tx) => awardRating(tx as any, tenant.orgId, accepted.id, 5));
    await db.transaction((tx) => awardRating(tx as any, tenant.orgId, accepted.id, 4));
    assert.deepEqual([await reputation(expert.id), await reputation(helper.id)], [15, 5], 'every expert who answered; once');
    await awardRating(db, tenant.orgId, agentLast.id, 3);
    assert.equal(await reputation(expert.id), 15, '3 of 5 is neutral');
    await awardRating(db, tenant.orgId, agentLast.id, 1);
    await awardRating(db, tenant.orgId, agentLast.id, 2);
    assert.equal(await reputation(expert.id), 10);
    const rows = await db.select().from(reputationEvents).where(eq(reputationEvents.userId, expert.id));
    assert.equal(rows.reduce((sum, r) => sum + r.points, 0), await reputation(expert.id), 'users.reputation is the sum of its events');

    const me = json(await server.app.inject({ method: 'GET', url: '/api/experts/me', headers: bearer(expert.token) }));
    assert.equal(me.expert.reputation, 10);
    assert.deepEqual(me.history.map((h: any) => h.reason).sort(), ['accepted_answer', 'good_rating', 'poor_rating']);
    assert.equal((await server.app.inject({ method: 'GET', url: '/api/experts/me', headers: bearer(agent.token) })).statusCode, 403);
  });

  it("counts the chat widget's end-of-conversation rating for the experts who answered", async () => {
    const { db } = server.database;
    const expert = await tenant.addUser('expert');
    const { conversation } = await createConversationRecord(db, tenant.orgId, tenant.channelId, { level: 2 });
    await post(expert.token, `/api/conversations/${conversation.id}/messages`, { body: 'Redémarrez le boîtier.' });
    await server.app.inject({ method: 'PATCH', url: `/api/conversations/${conversation.id}`, headers: bearer(tenant.adminToken), payload: { status: 'resolved' } });
    const published: unknown[] = [];
    const ctx = { deps: { db }, channel: { orgId: tenant.orgId, id: tenant.channelId }, bus: { publish: async (_o: string, e: unknown) => void published.push(e) } } as unknown as ChatContext;
    const state = { contactId: conversation.contactId } as VisitorState;
    assert.deepEqual(await rateConversation(ctx, state, { score: 5 }), { type: 'rated' });
    const [row] = await db.select({ r: users.reputation }).from(users).where(eq(users.id, expert.id));
    assert.equal(row!.r, 15, '+10 accepted answer (resolved with its reply last), +5 good rating');
    assert.equal((await rateConversation(ctx, state, { score: 5 })).type, 'error', 'rated once');
  });
});
