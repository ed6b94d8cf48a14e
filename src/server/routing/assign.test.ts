// Assignment on a real database: the queue by topic and language, the person by skills, capacity and
// round-robin, fallbacks, the unrouted case, confidential topics, and two routings at once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { conversations, routingDecisions, teams, users } from '../db/schema/index.ts';
import { createTeam } from '../organizations/organizations.service.ts';
import { createConversationRecord } from '../testing/fixtures.ts';
import { startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';
import { applyRoute } from './route-conversation.ts';
import type { RouteDecision } from './routing.types.ts';

describe('assignment', () => {
  let server: TestServer;
  let db: Db;
  before(async () => {
    server = await startTestServer();
    db = server.database.db;
  });
  after(() => server.close());

  /** A tenant whose admin is in no team, so each test places exactly the people it names. */
  async function tenant(): Promise<Tenant> {
    const t = await server.createTenant('assign');
    await db.update(users).set({ teamId: null }).where(eq(users.id, t.adminId));
    return t;
  }
  async function member(t: Tenant, teamId: string | null, fields: Partial<typeof users.$inferInsert> = {}, role: 'agent' | 'expert' | 'provider_agent' | 'supervisor' = 'agent') {
    const u = await t.addUser(role);
    await db.update(users).set({ teamId, ...fields }).where(eq(users.id, u.id));
    return u.id;
  }
  const decision = (d: Partial<RouteDecision>): RouteDecision => ({
    target: 'level3', level: 3, teamId: null, priority: 1, autoAnswerAllowed: false, confidential: false, tags: [], passUp: false,
    fired: [{ id: null, name: 'test', reason: 'test' }], ...d,
  });
  async function route(t: Tenant, d: Partial<RouteDecision>, triage: { intent: string | null; language: 'fr' | 'en' | 'other' } = { intent: 'bike', language: 'fr' }) {
    const { conversation } = await createConversationRecord(db, t.orgId, t.channelId);
    const applied = await db.transaction((tx) => applyRoute(tx as unknown as Db, { orgId: t.orgId, conversation, messageId: null, decision: decision(d), triage }));
    const [row] = await db.select().from(conversations).where(eq(conversations.id, conversation.id));
    return { ...applied, conversation: row! };
  }

  it('chooses the expert queue by topic and language, the most specific first; empty lists take anything', async () => {
    const t = await tenant();
    const bikesFr = await createTeam(db, t.orgId, { name: 'Bikes FR', level: 2, skills: ['bike'] });
    await db.update(teams).set({ languages: ['fr'] }).where(eq(teams.id, bikesFr.id));
    const general = await createTeam(db, t.orgId, { name: 'General', level: 2 });
    const frBiker = await member(t, bikesFr.id, {}, 'expert');
    const generalist = await member(t, general.id, {}, 'expert');
    const fr = await route(t, { target: 'level2', level: 2 }, { intent: 'bike', language: 'fr' });
    assert.deepEqual([fr.placement.teamId, fr.placement.assigneeId, fr.placement.level], [bikesFr.id, frBiker, 2]);
    const en = await route(t, { target: 'level2', level: 2 }, { intent: 'bike', language: 'en' });
    assert.deepEqual([en.placement.teamId, en.placement.assigneeId], [general.id, generalist]);
    const other = await route(t, { target: 'level2', level: 2 }, { intent: 'refund', language: 'fr' });
    assert.equal(other.placement.teamId, general.id);
    assert.match(other.fired.at(-1)!.reason, /least recently assigned/);
  });

  it('assigns within a queue by the person\'s topics and languages', async () => {
    const t = await tenant();
    const core = await createTeam(db, t.orgId, { name: 'Desk', level: 3 });
    const english = await member(t, core.id, { languages: ['en'] });
    const refunds = await member(t, core.id, { topics: ['refund'] });
    assert.equal((await route(t, {}, { intent: 'bike', language: 'en' })).placement.assigneeId, english);
    assert.equal((await route(t, {}, { intent: 'refund', language: 'fr' })).placement.assigneeId, refunds);
    // Nobody handles bikes in French: no eligible person anywhere, so the supervisor must see it.
    const none = await route(t, {}, { intent: 'bike', language: 'fr' });
    assert.equal(none.placement.unrouted, true);
    assert.equal(none.conversation.unrouted, true);
    assert.match(none.fired.at(-1)!.reason, /no active member of Core, Desk handles topic bike in fr/);
  });

  it('round-robin within capacity, then waits unassigned in the queue (not unrouted)', async () => {
    const t = await tenant();
    const core = await createTeam(db, t.orgId, { name: 'Core', level: 3 });
    const people = [await member(t, core.id, { capacity: 2 }), await member(t, core.id, { capacity: 2 }), await member(t, core.id, { capacity: 2 })];
    const order: (string | null)[] = [];
    for (let i = 0; i < 7; i++) order.push((await route(t, {})).placement.assigneeId);
    // Never assigned yet: ordered by id; then the least recently assigned each time.
    const first = [...people].sort();
    assert.deepEqual(order.slice(0, 6), [...first, ...first]);
    const waiting = await route(t, {});
    assert.deepEqual([waiting.placement.teamId, waiting.placement.assigneeId, waiting.placement.unrouted], [core.id, null, false]);
    assert.match(waiting.fired.at(-1)!.reason, /at capacity/);
    // A resolved conversation frees a slot.
    const [done] = await db.select().from(conversations).where(eq(conversations.assigneeId, first[1]!)).limit(1);
    await db.update(conversations).set({ status: 'resolved' }).where(eq(conversations.id, done!.id));
    assert.equal((await route(t, {})).placement.assigneeId, first[1]);
  });

  it('follows the fallback team when no one in the first can take it', async () => {
    const t = await tenant();
    const backup = await createTeam(db, t.orgId, { name: 'Backup', level: 3 });
    const vip = await createTeam(db, t.orgId, { name: 'VIP', level: 3 });
    await db.update(teams).set({ fallbackTeamId: backup.id }).where(eq(teams.id, vip.id));
    await member(t, vip.id, { capacity: 0 });
    const helper = await member(t, backup.id);
    const r = await route(t, { target: 'team', teamId: vip.id });
    assert.deepEqual([r.placement.teamId, r.placement.assigneeId], [backup.id, helper]);
    assert.ok(r.fired.some((f) => /no one free in VIP: fell back to Backup/.test(f.reason)));
  });

  it('passes an unanswered question up to the core team when no expert queue takes it (preset pyramid only)', async () => {
    const t = await tenant();
    const core = await createTeam(db, t.orgId, { name: 'Core', level: 3 });
    const agent = await member(t, core.id);
    const up = await route(t, { target: 'level2', level: 2, passUp: true });
    assert.deepEqual([up.placement.level, up.placement.assigneeId], [3, agent]);
    assert.ok(up.fired.some((f) => f.name === 'pyramid: passed up to the core team'));
    // An admin's own rule saying "level 2" is not second-guessed: no expert queue means unrouted.
    const strict = await route(t, { target: 'level2', level: 2, passUp: false });
    assert.deepEqual([strict.placement.unrouted, strict.placement.level], [true, 2]);
    const [row] = await db.select().from(routingDecisions).where(eq(routingDecisions.conversationId, strict.conversation.id));
    assert.equal(row!.kind, 'unrouted');
  });

  it('keeps confidential conversations away from provider teams and non-core people', async () => {
    const t = await tenant();
    const provider = await createTeam(db, t.orgId, { name: 'Outsourced', level: 3, providerOrgId: null });
    const vendor = await server.createTenant('vendor-org'); // any organization row will do as the provider's org
    await db.update(teams).set({ providerOrgId: vendor.orgId }).where(eq(teams.id, provider.id));
    await member(t, provider.id, {}, 'provider_agent');
    const confidentialOnlyProvider = await route(t, { confidential: true });
    assert.equal(confidentialOnlyProvider.placement.unrouted, true);
    assert.equal(confidentialOnlyProvider.conversation.confidential, true);
    const core = await createTeam(db, t.orgId, { name: 'Core', level: 3 });
    await member(t, core.id, {}, 'expert'); // misplaced expert: must not get it
    const agent = await member(t, core.id);
    const ok = await route(t, { confidential: true });
    assert.deepEqual([ok.placement.teamId, ok.placement.assigneeId], [core.id, agent]);
    // A team rule pointing at the provider cannot take a confidential conversation either.
    const viaTeam = await route(t, { target: 'team', teamId: provider.id, confidential: true });
    assert.equal(viaTeam.placement.unrouted, true);
  });

  it('two conversations routed at once never both take a person\'s last slot', async () => {
    const t = await tenant();
    const core = await createTeam(db, t.orgId, { name: 'Core', level: 3 });
    const only = await member(t, core.id, { capacity: 1 });
    const results = await Promise.all(Array.from({ length: 6 }, () => route(t, {})));
    assert.equal(results.filter((r) => r.placement.assigneeId === only).length, 1);
    assert.ok(results.every((r) => r.placement.teamId === core.id && !r.placement.unrouted));
    const held = await db.select().from(conversations).where(eq(conversations.assigneeId, only));
    assert.equal(held.length, 1);
  });

  it('a calmer follow-up leaves the conversation where it is, and says so', async () => {
    const t = await tenant();
    const core = await createTeam(db, t.orgId, { name: 'Core', level: 3 });
    const agent = await member(t, core.id);
    const first = await route(t, {});
    const again = await db.transaction((tx) => applyRoute(tx as unknown as Db, {
      orgId: t.orgId, conversation: first.conversation, messageId: null, decision: decision({ target: 'level2', level: 2, passUp: true }), triage: { intent: 'bike', language: 'fr' },
    }));
    assert.deepEqual([again.placement.level, again.placement.assigneeId], [3, agent]);
    assert.ok(again.fired.some((f) => f.name === 'routing: stays'));
    const history = await db.select().from(routingDecisions).where(eq(routingDecisions.conversationId, first.conversation.id));
    assert.equal(history.length, 2);
  });
});
