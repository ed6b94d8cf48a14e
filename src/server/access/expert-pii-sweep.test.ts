// No route an expert may call gives back the customer's personal data: every GET route of the OpenAPI
// document is called as an expert on a conversation full of known personal data, and no answer may contain
// any of it. The same routes called by the core team do contain it (so the sweep is not vacuous), and the
// brand's grant lets through exactly the field it names.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { contacts, conversations, messages } from '../db/schema/index.ts';
import { openConversation } from '../conversations/open-conversation.ts';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';
import { pyramidPeople } from '../testing/pyramid-people.ts';
import { recordRoutingDecision } from '../routing/record-routing-decision.ts';

const EMAIL = 'camille.dupontel@gmail.com';
const PII = [
  EMAIL, 'Dupontel', 'Vasseur', '06 71 23 45 89', '+33 6 71 23 45 89', 'rue des Acacias', '69007', '88451276', 'QXT7P2',
  'FR76 3000', '4970 1012 3456 7894', 'CAF1x2', 'mail.gmail.com', 'html-only-secret', '/files/passport',
];

const customerText =
  `Bonjour, ma commande n° 88451276 (dossier QXT7P2) n'est jamais arrivée au 14 rue des Acacias, 69007 Lyon. ` +
  `Écrivez-moi à ${EMAIL} ou appelez le 06 71 23 45 89 / +33 6 71 23 45 89. Remboursez sur FR76 3000 6000 0112 3456 7890 189 ` +
  'ou sur ma carte 4970 1012 3456 7894. Mon vélo électrique ne démarre plus.';

describe('an expert never receives a redacted field, from any route', () => {
  let server: TestServer;
  let tenant: Tenant;
  let people: Awaited<ReturnType<typeof pyramidPeople>>;
  const ids: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    tenant = await server.createTenant();
    people = await pyramidPeople(server, tenant);
    const { db } = server.database;
    const [contact] = await db.insert(contacts).values({
      orgId: tenant.orgId, name: 'Camille Dupontel-Vasseur', email: EMAIL, phone: '+33 6 71 23 45 89',
    }).returning();
    ids.contact = contact!.id;
    // A past conversation, resolved by the core team: its question and answer come back as a suggestion.
    const past = await openConversation(db, tenant.orgId, {
      channelId: tenant.channelId, contactId: contact!.id, status: 'resolved', level: 3, teamId: tenant.teamId, language: 'fr',
      subject: `Vélo électrique en panne, commande n° 88451276, ${EMAIL}`,
      body: 'Mon vélo électrique ne démarre plus, livré au 14 rue des Acacias 69007 Lyon.',
    });
    await db.insert(messages).values({
      orgId: tenant.orgId, conversationId: past.conversation.id, channelId: tenant.channelId, direction: 'outbound', authorKind: 'agent',
      authorUserId: people.agent.id, body: `Bonjour Camille, pour votre vélo électrique qui ne démarre plus (commande n° 88451276), nous vous rappelons au 06 71 23 45 89 et écrivons à ${EMAIL}.`,
    });
    const { conversation, message } = await openConversation(db, tenant.orgId, {
      channelId: tenant.channelId, contactId: contact!.id, level: 2, teamId: people.expertTeam.id, language: 'fr',
      subject: `Commande n° 88451276 jamais livrée — ${EMAIL}`, body: customerText, externalId: `<CAF1x2@mail.gmail.com>`,
      attachments: [{ name: 'facture-88451276.pdf', contentType: 'application/pdf', size: 1200, url: '/files/passport-scan.pdf' }],
    });
    ids.conversation = conversation.id;
    ids.message = message.id;
    await db.update(messages).set({
      bodyHtml: `<p>${customerText}</p><p>html-only-secret</p>`,
      metadata: {
        from: EMAIL, to: ['support@brand.test'], cc: [EMAIL], emailMessageId: '<CAF1x2@mail.gmail.com>',
        api: { customer: { phone: '+33 6 71 23 45 89', address: '14 rue des Acacias' } }, sms: { FromCity: 'LYON', FromZip: '69007' },
        audience: { followers: 12, verified: false },
      },
      triage: { intent: 'delivery', reasons: ['mentions commande n° 88451276', `sender ${EMAIL}`], evidence: { phone: '06 71 23 45 89' } },
    }).where(eq(messages.id, message.id));
    // A routing decision whose note quotes the customer: any route showing the history must mask it too.
    await recordRoutingDecision(db, {
      orgId: tenant.orgId, conversationId: conversation.id, kind: 'reroute', from: { level: 1, teamId: null, assigneeId: null },
      to: { level: 2, teamId: people.expertTeam.id, assigneeId: null }, priority: 1, actorUserId: people.agent.id,
      note: `Client ${EMAIL}, 06 71 23 45 89, commande n° 88451276`,
    });
    const h = bearer(people.agent.token);
    await server.app.inject({ method: 'POST', url: `/api/conversations/${conversation.id}/notes`, headers: h, payload: { body: `Cliente ${EMAIL}, rappeler au 06 71 23 45 89` } });
    await server.app.inject({ method: 'POST', url: `/api/conversations/${conversation.id}/instructions`, headers: h, payload: { body: 'Vérifiez la commande n° 88451276 (dossier QXT7P2) avant de répondre; adresse 14 rue des Acacias, 69007 Lyon.' } });
    const article = await server.app.inject({ method: 'POST', url: '/api/articles', headers: bearer(tenant.adminToken), payload: { slug: 'velo-demarrage', language: 'fr', title: 'Mon vélo électrique ne démarre plus', body: 'Vérifiez la batterie.', status: 'published' } });
    ids.article = json(article).id;
    ids.expert = people.expert.id;
    ids.user = people.expert.id;
  });
  after(() => server.close());

  /** Every GET under /api in the OpenAPI document, its path parameters filled with the seeded records. */
  async function getRoutes(): Promise<string[]> {
    const doc = json(await server.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (name !== 'id') return ids.conversation!;
      const concept = /^\/api\/(\w+)\//.exec(path)?.[1];
      return ({ articles: ids.article, contacts: ids.contact, experts: ids.expert, users: ids.user } as Record<string, string | undefined>)[concept ?? ''] ?? ids.conversation!;
    });
    return Object.entries<any>(doc.paths).filter(([path, ops]) => path.startsWith('/api/') && ops.get).map(([path]) => fill(path));
  }

  async function sweep(token: string) {
    const answers: { url: string; status: number; body: string }[] = [];
    for (const url of await getRoutes()) {
      for (const query of ['', `?contactId=${ids.contact}&limit=100`]) {
        const res = await server.app.inject({ method: 'GET', url: url + query, headers: bearer(token) });
        answers.push({ url: url + query, status: res.statusCode, body: res.body });
      }
    }
    return answers;
  }

  it('leaks none of the personal data through any GET route, nor the triage details, HTML, attachments or metadata', async () => {
    const answers = await sweep(people.expert.token);
    const served = new Set(answers.filter((a) => a.status === 200).map((a) => a.url.split('?')[0]));
    for (const must of ['/api/conversations', `/api/conversations/${ids.conversation}`, `/api/conversations/${ids.conversation}/messages`,
      `/api/conversations/${ids.conversation}/notes`, `/api/conversations/${ids.conversation}/suggestions`, '/api/experts/me', '/api/auth/me']) {
      assert.ok(served.has(must), `the expert should be served ${must}`);
    }
    for (const { url, status, body } of answers) {
      assert.ok(status < 500, `${url} failed: ${body}`);
      for (const secret of PII) assert.ok(!body.includes(secret), `${url} (${status}) gives the expert "${secret}": ${body.slice(0, 400)}`);
    }
    const thread = json(await server.app.inject({ method: 'GET', url: `/api/conversations/${ids.conversation}/messages`, headers: bearer(people.expert.token) }));
    const [message] = thread.items;
    assert.match(message.body, /\[email masqué\].*\[téléphone masqué\]/s, 'placeholders in the organization\'s language');
    assert.match(message.body, /vélo électrique ne démarre plus/, 'the question itself stays readable');
    assert.equal(message.bodyHtml, null);
    assert.deepEqual(message.attachments, [{ name: 'facture-[référence masquée].pdf', contentType: 'application/pdf', size: 1200 }]);
    assert.deepEqual(Object.keys(message.metadata), ['audience']);
    const conversation = json(await server.app.inject({ method: 'GET', url: `/api/conversations/${ids.conversation}`, headers: bearer(people.expert.token) }));
    assert.equal(conversation.contact.name, 'Camille', 'first name only');
    const notes = json(await server.app.inject({ method: 'GET', url: `/api/conversations/${ids.conversation}/notes`, headers: bearer(people.expert.token) }));
    assert.deepEqual(notes.items.map((n: any) => n.kind), ['instruction'], 'the instruction, masked; not the core team\'s note');
  });

  it('is not vacuous: the core team gets the same data from the same routes', async () => {
    const everything = (await sweep(people.agent.token)).map((a) => a.body).join('\n');
    for (const secret of PII.filter((s) => s !== '/files/passport')) assert.ok(everything.includes(secret), `the core team never saw "${secret}": the seed is wrong`);
    const suggestions = json(await server.app.inject({ method: 'GET', url: `/api/conversations/${ids.conversation}/suggestions`, headers: bearer(people.agent.token) }));
    const past = suggestions.hits.find((h: any) => h.kind === 'resolved_answer');
    assert.ok(past && JSON.stringify(past).includes('88451276'), `the past answer is suggested with its personal data: ${JSON.stringify(suggestions.hits)}`);
    const asExpert = json(await server.app.inject({ method: 'GET', url: `/api/conversations/${ids.conversation}/suggestions`, headers: bearer(people.expert.token) }));
    assert.ok(asExpert.hits.some((h: any) => h.id === past.id), 'the expert gets the same past answer, masked');
  });

  it('masks the answers of writes too: a PATCH gives the subject masked', async () => {
    const res = await server.app.inject({ method: 'PATCH', url: `/api/conversations/${ids.conversation}`, headers: bearer(people.expert.token), payload: { tags: ['vélo'] } });
    assert.equal(res.statusCode, 200);
    for (const secret of PII) assert.ok(!res.body.includes(secret), `PATCH gives "${secret}"`);
    const note = await server.app.inject({ method: 'POST', url: `/api/conversations/${ids.conversation}/notes`, headers: bearer(people.expert.token), payload: { body: `noté: ${EMAIL}` } });
    assert.equal(note.statusCode, 201);
    assert.ok(!note.body.includes(EMAIL));
  });

  it('lets through the fields the brand grants, and only those', async () => {
    const { db } = server.database;
    const granted = await server.app.inject({ method: 'PATCH', url: '/api/settings', headers: bearer(tenant.adminToken), payload: { pyramid: { expertVisibleFields: ['email'] } } });
    assert.equal(granted.statusCode, 200);
    try {
      const thread = await server.app.inject({ method: 'GET', url: `/api/conversations/${ids.conversation}/messages`, headers: bearer(people.expert.token) });
      assert.ok(thread.body.includes(EMAIL), 'the granted email appears');
      assert.equal(json(thread).items[0].metadata.from, EMAIL, 'with the email headers');
      for (const secret of ['06 71 23 45 89', 'rue des Acacias', '88451276', 'FR76 3000']) assert.ok(!thread.body.includes(secret), `"${secret}" was not granted`);
    } finally {
      await server.app.inject({ method: 'PATCH', url: '/api/settings', headers: bearer(tenant.adminToken), payload: { pyramid: { expertVisibleFields: [] } } });
    }
    const [stored] = await db.select({ subject: conversations.subject }).from(conversations).where(eq(conversations.id, ids.conversation!));
    assert.ok(stored!.subject!.includes(EMAIL), 'masking happens on the way out; the record keeps the data');
  });

  it('says the placeholders in English for an English-speaking brand', async () => {
    const { organizations } = await import('../db/schema/index.ts');
    const { db } = server.database;
    await db.update(organizations).set({ defaultLocale: 'en' }).where(eq(organizations.id, tenant.orgId));
    try {
      const thread = json(await server.app.inject({ method: 'GET', url: `/api/conversations/${ids.conversation}/messages`, headers: bearer(people.expert.token) }));
      assert.match(thread.items[0].body, /\[email hidden\].*\[phone hidden\]/s);
    } finally {
      await db.update(organizations).set({ defaultLocale: 'fr' }).where(eq(organizations.id, tenant.orgId));
    }
  });
});
