import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { events } from '../db/schema/index.ts';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';

const PASSWORD = 'correct horse battery';

describe('authentication', () => {
  let server: TestServer;
  let tenant: Tenant;
  let agentEmail: string;

  before(async () => {
    server = await startTestServer({ RELAIS_LOGIN_RATE_LIMIT: '5' });
    tenant = await server.createTenant();
    agentEmail = (await tenant.addUser('agent', { password: PASSWORD })).email;
  });
  after(() => server.close());

  const login = (email: string, password: string, ip = '10.0.0.1') =>
    server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

  it('signs in with email and password into an HTTP-only session cookie', async () => {
    const res = await login(agentEmail.toUpperCase(), PASSWORD);
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'relais_session');
    assert.ok(cookie, 'no session cookie');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    const body = json(res);
    assert.equal(body.user.email, agentEmail);
    assert.equal(body.user.role, 'agent');
    assert.ok(body.csrfToken.length >= 32);

    const me = await server.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { relais_session: cookie.value } });
    assert.equal(me.statusCode, 200);
    assert.equal(json(me).user.email, agentEmail);
    assert.equal(json(me).csrfToken, body.csrfToken);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const res = await login(agentEmail, PASSWORD, '10.0.0.2');
    const cookie = res.cookies.find((c) => c.name === 'relais_session')!.value;
    const { csrfToken } = json(res);
    const payload = { name: 'Bienvenue', language: 'fr', body: 'Bonjour' };
    const without = await server.app.inject({ method: 'POST', url: '/api/templates', cookies: { relais_session: cookie }, payload });
    assert.equal(without.statusCode, 403);
    assert.equal(json(without).error.code, 'csrf_failed');
    const wrong = await server.app.inject({ method: 'POST', url: '/api/templates', cookies: { relais_session: cookie }, headers: { 'x-csrf-token': 'x'.repeat(43) }, payload });
    assert.equal(wrong.statusCode, 403);
    const right = await server.app.inject({ method: 'POST', url: '/api/templates', cookies: { relais_session: cookie }, headers: { 'x-csrf-token': csrfToken }, payload });
    assert.equal(right.statusCode, 201);
  });

  it('ends the session on logout', async () => {
    const res = await login(agentEmail, PASSWORD, '10.0.0.3');
    const cookie = res.cookies.find((c) => c.name === 'relais_session')!.value;
    const out = await server.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { relais_session: cookie }, headers: { 'x-csrf-token': json(res).csrfToken } });
    assert.equal(out.statusCode, 204);
    const me = await server.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { relais_session: cookie } });
    assert.equal(me.statusCode, 401);
  });

  it('refuses a wrong password or unknown email alike, and audits both', async () => {
    const wrong = await login(agentEmail, 'not the password', '10.0.0.4');
    const unknown = await login('nobody@example.test', 'whatever', '10.0.0.4');
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(json(wrong).error.message, json(unknown).error.message);
    const failed = await server.database.db.select().from(events).where(eq(events.type, 'auth.login_failed'));
    const reasons = failed.map((e) => (e.data as any).reason);
    assert.ok(reasons.includes('wrong_password'));
    assert.ok(reasons.includes('unknown_email'));
    const own = failed.find((e) => (e.data as any).reason === 'wrong_password')!;
    assert.equal(own.orgId, tenant.orgId);
    assert.equal((own.data as any).ip, '10.0.0.4');
  });

  it('rate-limits repeated login attempts with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await login(agentEmail, 'guess ' + i, '10.0.0.9')).statusCode);
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.equal(statuses[6], 429);
    const limited = await login(agentEmail, PASSWORD, '10.0.0.9');
    assert.equal(limited.statusCode, 429);
    assert.equal(json(limited).error.code, 'rate_limited');
    // Another address is not locked out by this one.
    assert.equal((await login(agentEmail, PASSWORD, '10.0.0.10')).statusCode, 200);
  });

  it('refuses disabled users, by password and by token', async () => {
    const user = await tenant.addUser('agent', { password: PASSWORD });
    const disable = await server.app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: bearer(tenant.adminToken), payload: { disabled: true } });
    assert.equal(disable.statusCode, 200);
    assert.equal((await login(user.email, PASSWORD, '10.0.0.11')).statusCode, 401);
    assert.equal((await server.app.inject({ method: 'GET', url: '/api/conversations', headers: bearer(user.token) })).statusCode, 401);
  });

  it('enforces roles: experts see no contacts, only admins manage users and tokens', async () => {
    const expert = await tenant.addUser('expert');
    const provider = await tenant.addUser('provider_agent');
    assert.equal((await server.app.inject({ method: 'GET', url: '/api/contacts', headers: bearer(expert.token) })).statusCode, 403);
    assert.equal((await server.app.inject({ method: 'GET', url: '/api/articles', headers: bearer(expert.token) })).statusCode, 200);
    const create = await server.app.inject({ method: 'POST', url: '/api/users', headers: bearer(provider.token), payload: { email: 'x@example.test', name: 'X', role: 'admin' } });
    assert.equal(create.statusCode, 403);
    assert.equal(json(create).error.code, 'forbidden');
    assert.equal((await server.app.inject({ method: 'GET', url: '/api/tokens', headers: bearer(provider.token) })).statusCode, 403);
  });

  it('lets an expert draft an article but not publish it', async () => {
    const expert = await tenant.addUser('expert');
    const draft = await server.app.inject({ method: 'POST', url: '/api/articles', headers: bearer(expert.token), payload: { slug: 'velo-a-bord', language: 'fr', title: 'Vélo à bord', body: 'Les vélos voyagent gratuitement.' } });
    assert.equal(draft.statusCode, 201);
    assert.equal(json(draft).status, 'draft');
    const publish = await server.app.inject({ method: 'PATCH', url: `/api/articles/${json(draft).id}`, headers: bearer(expert.token), payload: { status: 'published' } });
    assert.equal(publish.statusCode, 403);
    const validated = await server.app.inject({ method: 'PATCH', url: `/api/articles/${json(draft).id}`, headers: bearer(tenant.adminToken), payload: { status: 'published' } });
    assert.equal(json(validated).status, 'published');
    assert.equal(json(validated).version, 2);
    const versions = json(await server.app.inject({ method: 'GET', url: `/api/articles/${json(draft).id}/versions`, headers: bearer(tenant.adminToken) }));
    assert.deepEqual(versions.items.map((v: any) => v.status), ['published', 'draft']);
    const audit = await server.database.db.select().from(events).where(and(eq(events.type, 'article.updated'), eq(events.subjectId, json(draft).id)));
    assert.equal(audit.length, 1);
  });
});
