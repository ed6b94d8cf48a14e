// A user of organization A can never read or change organization B's data, through any resource route.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';
import { createConversationRecord } from '../testing/fixtures.ts';
import { alerts, approvalRequests } from '../db/schema/index.ts';
import { createProviderTeam } from '../delegation/delegation-test-kit.ts';

describe('tenancy isolation', () => {
  let server: TestServer;
  let a: Tenant;
  let b: Tenant;
  const ids: Record<string, string> = {};
  let bExpertToken: string;

  before(async () => {
    server = await startTestServer();
    a = await server.createTenant('alpha');
    b = await server.createTenant('beta');
    const h = bearer(a.adminToken);
    const { conversation } = await createConversationRecord(server.database.db, a.orgId, a.channelId);
    ids.conversation = conversation.id;
    ids.contact = conversation.contactId;
    ids.article = json(await server.app.inject({ method: 'POST', url: '/api/articles', headers: h, payload: { slug: 'remboursement', language: 'fr', title: 'Remboursement', body: 'Comment être remboursé.', status: 'published' } })).id;
    ids.template = json(await server.app.inject({ method: 'POST', url: '/api/templates', headers: h, payload: { name: 'Accueil', language: 'fr', body: 'Bonjour !' } })).id;
    ids.user = a.adminId;
    const [alert] = await server.database.db.insert(alerts).values({
      orgId: a.orgId, kind: 'crisis', conversationId: conversation.id, messageId: null, summary: 'test',
    }).returning();
    ids.alert = alert!.id;
    const { conversation: other } = await createConversationRecord(server.database.db, a.orgId, a.channelId);
    ids.merge = json(await server.app.inject({ method: 'POST', url: `/api/contacts/${other.contactId}/merge`, headers: h, payload: { intoContactId: conversation.contactId } })).id;
    ids.channel = json(await server.app.inject({ method: 'POST', url: '/api/channels', headers: h, payload: { type: 'api', name: 'ERP', settings: { webhookUrl: 'https://erp.example/hook' } } })).id;
    ids.bContact = (await createConversationRecord(server.database.db, b.orgId, b.channelId)).conversation.contactId;
    ids.token = json(await server.app.inject({ method: 'POST', url: '/api/tokens', headers: h, payload: { userId: a.adminId, name: 'integration' } })).id;
    ids.rule = json(await server.app.inject({ method: 'POST', url: '/api/routing/rules', headers: h, payload: { name: 'VIP', conditions: { segments: ['vip'] }, action: { target: 'level3' } } })).id;
    ids.team = a.teamId;
    const provider = await createProviderTeam(server.database.db, a.orgId, 'Outsourced');
    ids.delegationRule = json(await server.app.inject({ method: 'PUT', url: '/api/delegation/rules', headers: h, payload: { teamId: provider.teamId, actionType: 'refund', mode: 'approval' } })).items[0].id;
    const [approval] = await server.database.db.insert(approvalRequests).values({
      orgId: a.orgId, conversationId: conversation.id, teamId: provider.teamId, requestedByUserId: (await provider.addAgent()).id,
      body: 'Remboursement', actionType: 'refund', amount: 10, reason: 'refund needs approval', dueAt: new Date(Date.now() + 3_600_000),
    }).returning();
    ids.approval = approval!.id;
    ids.expert = (await a.addUser('expert')).id;
    bExpertToken = (await b.addUser('expert')).token;
  });
  after(() => server.close());

  // Every route that names a record, with a body valid enough to reach the tenancy check; `asExpert` for the
  // routes only experts may call (B's expert instead of B's admin).
  const routes = (): { method: 'GET' | 'PATCH' | 'POST' | 'DELETE'; url: string; payload?: object; asExpert?: true }[] => [
    { method: 'GET', url: `/api/conversations/${ids.conversation}` },
    { method: 'PATCH', url: `/api/conversations/${ids.conversation}`, payload: { status: 'resolved' } },
    { method: 'GET', url: `/api/conversations/${ids.conversation}/messages` },
    { method: 'POST', url: `/api/conversations/${ids.conversation}/messages`, payload: { body: 'intrusion' } },
    { method: 'GET', url: `/api/conversations/${ids.conversation}/notes` },
    { method: 'POST', url: `/api/conversations/${ids.conversation}/notes`, payload: { body: 'intrusion' } },
    { method: 'GET', url: `/api/contacts/${ids.contact}` },
    { method: 'PATCH', url: `/api/contacts/${ids.contact}`, payload: { name: 'Pirate' } },
    { method: 'GET', url: `/api/articles/${ids.article}` },
    { method: 'GET', url: `/api/articles/${ids.article}/versions` },
    { method: 'PATCH', url: `/api/articles/${ids.article}`, payload: { title: 'Pirate' } },
    { method: 'GET', url: `/api/templates/${ids.template}` },
    { method: 'PATCH', url: `/api/templates/${ids.template}`, payload: { name: 'Pirate' } },
    { method: 'DELETE', url: `/api/templates/${ids.template}` },
    { method: 'GET', url: `/api/users/${ids.user}` },
    { method: 'PATCH', url: `/api/users/${ids.user}`, payload: { name: 'Pirate' } },
    { method: 'DELETE', url: `/api/tokens/${ids.token}` },
    { method: 'POST', url: '/api/tokens', payload: { userId: ids.user, name: 'stolen' } },
    { method: 'POST', url: `/api/alerts/${ids.alert}/acknowledge` },
    { method: 'GET', url: `/api/conversations/${ids.conversation}/suggestions` },
    // B tries to pull A's contact into one of its own.
    { method: 'POST', url: `/api/contacts/${ids.contact}/merge`, payload: { intoContactId: ids.bContact } },
    { method: 'POST', url: `/api/contacts/merges/${ids.merge}/undo` },
    { method: 'GET', url: `/api/channels/${ids.channel}/settings` },
    { method: 'PATCH', url: `/api/channels/${ids.channel}`, payload: { name: 'Pirate' } },
    { method: 'POST', url: `/api/channels/${ids.channel}/messages`, payload: { externalId: 'x', sender: { id: 'p' }, text: 'intrusion' } },
    { method: 'POST', url: `/api/conversations/${ids.conversation}/summary` },
    { method: 'PATCH', url: `/api/routing/rules/${ids.rule}`, payload: { name: 'Pirate' } },
    { method: 'DELETE', url: `/api/routing/rules/${ids.rule}` },
    { method: 'GET', url: `/api/conversations/${ids.conversation}/routing` },
    { method: 'POST', url: `/api/conversations/${ids.conversation}/reroute`, payload: { level: 3, note: 'intrusion' } },
    { method: 'POST', url: `/api/conversations/${ids.conversation}/pick` },
    { method: 'PATCH', url: `/api/teams/${ids.team}`, payload: { name: 'Pirate' } },
    { method: 'GET', url: `/api/conversations/${ids.conversation}/sla` },
    { method: 'DELETE', url: `/api/delegation/rules/${ids.delegationRule}` },
    { method: 'GET', url: `/api/approvals/${ids.approval}` },
    { method: 'POST', url: `/api/approvals/${ids.approval}/approve` },
    { method: 'POST', url: `/api/approvals/${ids.approval}/reject`, payload: { reason: 'intrusion' } },
    { method: 'POST', url: `/api/conversations/${ids.conversation}/escalate`, payload: { note: 'intrusion' }, asExpert: true },
    { method: 'POST', url: `/api/conversations/${ids.conversation}/propose-article`, payload: { title: 'x', body: 'y', language: 'fr' }, asExpert: true },
    { method: 'POST', url: `/api/conversations/${ids.conversation}/instructions`, payload: { body: 'intrusion' } },
    { method: 'POST', url: `/api/conversations/${ids.conversation}/takeover` },
    { method: 'PATCH', url: `/api/experts/${ids.expert}`, payload: { capacity: 1 } },
    { method: 'POST', url: `/api/experts/${ids.expert}/invitation` },
  ];

  it('covers every route of the OpenAPI document that takes an id', async () => {
    const doc = json(await server.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    const covered = new Set(routes().map((r) => `${r.method} ${r.url.replace(/[0-9a-f-]{36}/g, '{id}')}`));
    for (const [path, operations] of Object.entries<any>(doc.paths)) {
      if (!path.includes('{id}')) continue;
      for (const method of Object.keys(operations)) {
        assert.ok(covered.has(`${method.toUpperCase()} ${path}`), `tenancy test does not cover ${method.toUpperCase()} ${path}`);
      }
    }
  });

  it('answers 404 to another tenant for every record route', async () => {
    for (const { asExpert, ...route } of routes()) {
      const res = await server.app.inject({ ...route, headers: bearer(asExpert ? bExpertToken : b.adminToken) });
      assert.equal(res.statusCode, 404, `${route.method} ${route.url} gave ${res.statusCode}: ${res.body}`);
      assert.equal(json(res).error.code, 'not_found');
    }
  });

  it('never lists another tenant\'s records', async () => {
    for (const [url, id] of [
      ['/api/conversations', ids.conversation], ['/api/contacts', ids.contact], ['/api/articles', ids.article],
      ['/api/templates', ids.template], ['/api/users', ids.user], ['/api/tokens', ids.token], ['/api/alerts', ids.alert], ['/api/channels', ids.channel],
      ['/api/routing/rules', ids.rule], ['/api/teams', ids.team],
      ['/api/delegation/rules', ids.delegationRule], ['/api/approvals', ids.approval], ['/api/experts', ids.expert],
    ] as const) {
      const asB = json(await server.app.inject({ method: 'GET', url, headers: bearer(b.adminToken) }));
      assert.ok(!JSON.stringify(asB).includes(id!), `${url} leaks a record of another tenant`);
      const asA = json(await server.app.inject({ method: 'GET', url, headers: bearer(a.adminToken) }));
      assert.ok(JSON.stringify(asA).includes(id!), `${url} does not list the tenant's own record`);
    }
  });

  it('refuses to point a conversation at another tenant\'s user', async () => {
    const { conversation } = await createConversationRecord(server.database.db, b.orgId, b.channelId);
    const res = await server.app.inject({
      method: 'PATCH', url: `/api/conversations/${conversation.id}`, headers: bearer(b.adminToken), payload: { assigneeId: a.adminId },
    });
    assert.equal(res.statusCode, 422);
  });

  it('left tenant A\'s records unchanged', async () => {
    const h = bearer(a.adminToken);
    const conversation = json(await server.app.inject({ method: 'GET', url: `/api/conversations/${ids.conversation}`, headers: h }));
    assert.equal(conversation.status, 'open');
    const messages = json(await server.app.inject({ method: 'GET', url: `/api/conversations/${ids.conversation}/messages`, headers: h }));
    assert.equal(messages.items.length, 1);
    assert.equal(json(await server.app.inject({ method: 'GET', url: `/api/templates/${ids.template}`, headers: h })).name, 'Accueil');
    assert.equal(json(await server.app.inject({ method: 'GET', url: `/api/articles/${ids.article}`, headers: h })).title, 'Remboursement');
  });
});
