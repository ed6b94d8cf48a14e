// Response-time targets on a real database: due dates set by triage and moved by severity, then the sweeper
// with a clock the test moves: a warning, a breach and its escalation, each once.
import { systemCaller } from '../access/conversation-scope.ts';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { alerts, conversations, events, routingDecisions, teams } from '../db/schema/index.ts';
import { createChannel, createTeam } from '../organizations/organizations.service.ts';
import { updateOrgSettings } from '../organizations/org-settings.ts';
import { receiveInboundMessage } from '../intake/receive-inbound-message.ts';
import { triageStoredMessage } from '../triage/apply-triage.ts';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';
import { createConversationRecord } from '../testing/fixtures.ts';
import { applySlaTargets } from './apply-sla-targets.ts';
import { checkSla } from './check-sla.ts';
import type { Clock } from './clock.ts';
import { getConversationSla } from './sla.service.ts';

const MIN = 60_000;

describe('response-time targets', () => {
  let server: TestServer;
  let tenant: Tenant;
  let emailChannelId: string;
  let agentId: string;
  let fallbackTeamId: string;
  let clockAt = new Date();
  const clock: Clock = { now: () => clockAt };
  const mail = { smtpUrl: undefined, from: 'Relais <alerts@relais.test>' };
  const sweep = () => checkSla({ db: server.database.db, clock, mail });
  const row = async (id: string) => (await server.database.db.select().from(conversations).where(eq(conversations.id, id)))[0]!;
  const alertsOf = async (id: string, kind: string) =>
    (await server.database.db.select().from(alerts).where(and(eq(alerts.conversationId, id), eq(alerts.kind, kind)))).length;
  /** The reading on the test's clock; the HTTP route reads the real one. */
  const sla = (id: string) => getConversationSla(server.database.db, systemCaller(tenant.orgId), id, clock);
  const slaOverHttp = async (id: string) => json(await server.app.inject({ method: 'GET', url: `/api/conversations/${id}/sla`, headers: bearer(tenant.adminToken) }));

  /** A chat conversation opened at `at` (2 minutes to answer, an hour to resolve), with its due dates set. */
  async function chatConversation(at: Date, fields: { assigneeId?: string | null; teamId?: string | null } = {}) {
    const { db } = server.database;
    const { conversation } = await createConversationRecord(db, tenant.orgId, tenant.channelId, { at, teamId: tenant.teamId, assigneeId: agentId, ...fields });
    await applySlaTargets(db, conversation.id, { previousSeverity: 'normal', at });
    return conversation.id;
  }

  before(async () => {
    server = await startTestServer();
    tenant = await server.createTenant('sla');
    const { db } = server.database;
    emailChannelId = (await createChannel(db, tenant.orgId, { type: 'email', name: 'Support' })).id;
    agentId = (await tenant.addUser('agent')).id;
    fallbackTeamId = (await createTeam(db, tenant.orgId, { name: 'Astreinte', level: 3 })).id;
    await db.update(teams).set({ fallbackTeamId }).where(eq(teams.id, tenant.teamId));
    await updateOrgSettings(db, tenant.orgId, { sla: { clock: 'always', warnAtShare: 0.8 } });
  });
  after(() => server.close());

  it('sets the due dates when triage reads the conversation', async () => {
    const { db } = server.database;
    const at = new Date(Date.now() - 5 * MIN);
    const received = await receiveInboundMessage(db, { orgId: tenant.orgId, channelId: emailChannelId, sender: { externalId: 'client@example.test' }, text: 'Bonjour, où en est ma commande ?', externalId: 'sla-1', at });
    await triageStoredMessage({ db, mail }, received.messageId);
    const c = await row(received.conversationId);
    assert.equal(c.firstResponseDueAt!.getTime() - c.createdAt.getTime(), 1440 * MIN);
    assert.equal(c.resolutionDueAt!.getTime() - c.createdAt.getTime(), 4320 * MIN);
  });

  it('brings the due date closer on an escalation to crisis, never later, and recomputes on a correction down', async () => {
    const { db } = server.database;
    const created = new Date(Date.now() - 30 * MIN);
    const { conversation } = await createConversationRecord(db, tenant.orgId, emailChannelId, { at: created });
    await applySlaTargets(db, conversation.id, { previousSeverity: 'normal', at: created });
    const patch = (severity: string) => server.app.inject({ method: 'PATCH', url: `/api/conversations/${conversation.id}`, headers: bearer(tenant.adminToken), payload: { severity } });
    const before = Date.now();
    assert.equal((await patch('crisis')).statusCode, 200);
    const crisis = await row(conversation.id);
    // Fifteen minutes from when the crisis became known, not from the first message (already 30 minutes old).
    assert.ok(crisis.firstResponseDueAt!.getTime() >= before + 15 * MIN && crisis.firstResponseDueAt!.getTime() <= Date.now() + 15 * MIN);
    // A chat conversation already due in 2 minutes keeps its 2 minutes when it turns into a crisis.
    const chat = await chatConversation(new Date());
    const chatDue = (await row(chat)).firstResponseDueAt!.getTime();
    await server.app.inject({ method: 'PATCH', url: `/api/conversations/${chat}`, headers: bearer(tenant.adminToken), payload: { severity: 'crisis' } });
    assert.equal((await row(chat)).firstResponseDueAt!.getTime(), chatDue);
    // Triage was wrong: back to normal, the email's own day from the first message.
    await patch('normal');
    assert.equal((await row(conversation.id)).firstResponseDueAt!.getTime(), created.getTime() + 1440 * MIN);
  });

  it('warns once, then on breach escalates once: back to the team queue with a higher priority', async () => {
    const t0 = new Date(Date.now() - 60 * MIN);
    const id = await chatConversation(t0);
    const before = await row(id);
    assert.equal(before.firstResponseDueAt!.getTime(), t0.getTime() + 2 * MIN);

    clockAt = new Date(t0.getTime() + 90_000);
    await sweep();
    assert.equal((await row(id)).slaWarnedAt, null);
    assert.equal((await sla(id)).state, 'ok');

    // 100 s of 120: past 80 %.
    clockAt = new Date(t0.getTime() + 100_000);
    await sweep();
    await sweep();
    assert.deepEqual((await row(id)).slaWarnedAt, clockAt);
    assert.equal(await alertsOf(id, 'sla_warning'), 1);
    assert.equal((await row(id)).assigneeId, agentId);

    clockAt = new Date(t0.getTime() + 2 * MIN);
    await sweep();
    await sweep();
    const breached = await row(id);
    assert.deepEqual(breached.slaBreachedAt, clockAt);
    assert.equal(breached.assigneeId, null);
    assert.equal(breached.teamId, tenant.teamId);
    assert.equal(breached.priority, before.priority + 1);
    assert.equal(await alertsOf(id, 'sla_breach'), 1);
    assert.equal(await alertsOf(id, 'sla_warning'), 1);
    const decisions = await server.database.db.select().from(routingDecisions).where(eq(routingDecisions.conversationId, id));
    assert.equal(decisions.length, 1);
    assert.equal(decisions[0]!.kind, 'sla_escalate');
    assert.equal(decisions[0]!.fromAssigneeId, agentId);
    assert.equal(decisions[0]!.toAssigneeId, null);
    assert.match(decisions[0]!.rules[0]!.reason, /first response was due at/);
    const audit = await server.database.db.select({ type: events.type }).from(events).where(eq(events.subjectId, id));
    assert.deepEqual(audit.map((e) => e.type).filter((t) => t.startsWith('sla.')).sort(), ['sla.breached', 'sla.warning']);

    // The real clock is an hour past the first message: breached too.
    const state = await slaOverHttp(id);
    assert.equal(state.state, 'breached');
    assert.equal(state.breachedAt, breached.slaBreachedAt!.toISOString());
    assert.equal(state.owed, 'first_response');
    assert.equal(state.firstResponse.targetMinutes, 2);
    assert.ok(state.firstResponse.elapsedMinutes >= 60);
    const listed = json(await server.app.inject({ method: 'GET', url: '/api/conversations?slaState=breached&limit=100', headers: bearer(tenant.adminToken) }));
    assert.ok(listed.items.some((c: any) => c.id === id));
    const ok = json(await server.app.inject({ method: 'GET', url: '/api/conversations?slaState=ok&limit=100', headers: bearer(tenant.adminToken) }));
    assert.ok(!ok.items.some((c: any) => c.id === id));
  });

  it('once answered, the resolution target warns and breaches in its turn: unassigned, on to the fallback team', async () => {
    const t0 = new Date(Date.now() - 3 * 60 * MIN);
    const id = await chatConversation(t0, { assigneeId: null });
    clockAt = new Date(t0.getTime() + 100_000);
    await sweep();
    assert.equal(await alertsOf(id, 'sla_warning'), 1);
    // Answered in time (the reply sets the first response; here at 110 s on the test's clock).
    await server.database.db.update(conversations).set({ firstResponseAt: new Date(t0.getTime() + 110_000) }).where(eq(conversations.id, id));
    clockAt = new Date(t0.getTime() + 30 * MIN);
    await sweep();
    assert.equal(await alertsOf(id, 'sla_warning'), 1);
    const half = await sla(id);
    assert.deepEqual([half.owed, half.firstResponse?.state, half.resolution?.state, half.state], ['resolution', 'met', 'ok', 'ok']);
    // 49 minutes of 60: the resolution warning.
    clockAt = new Date(t0.getTime() + 49 * MIN);
    await sweep();
    assert.equal(await alertsOf(id, 'sla_warning'), 2);
    assert.equal((await sla(id)).state, 'warning');
    clockAt = new Date(t0.getTime() + 61 * MIN);
    await sweep();
    await sweep();
    const c = await row(id);
    assert.equal(c.teamId, fallbackTeamId);
    assert.equal(await alertsOf(id, 'sla_breach'), 1);
    const [decision] = await server.database.db.select().from(routingDecisions).where(eq(routingDecisions.conversationId, id));
    assert.deepEqual([decision!.fromTeamId, decision!.toTeamId, decision!.note], [tenant.teamId, fallbackTeamId, 'to the fallback team']);
    assert.match(decision!.rules[0]!.reason, /resolution was due at/);
  });

  it('leaves alone what is answered and resolved, or waiting for the customer', async () => {
    const t0 = new Date(Date.now() - 4 * 60 * MIN);
    const resolved = await chatConversation(t0);
    await server.database.db.update(conversations).set({ firstResponseAt: new Date(t0.getTime() + MIN), status: 'resolved', resolvedAt: new Date(t0.getTime() + 10 * MIN) }).where(eq(conversations.id, resolved));
    const waiting = await chatConversation(t0);
    await server.database.db.update(conversations).set({ firstResponseAt: new Date(t0.getTime() + MIN), status: 'pending' }).where(eq(conversations.id, waiting));
    clockAt = new Date(t0.getTime() + 3 * 60 * MIN);
    await sweep();
    for (const id of [resolved, waiting]) {
      const c = await row(id);
      assert.deepEqual([c.slaWarnedAt, c.slaBreachedAt], [null, null]);
    }
    const met = await sla(resolved);
    assert.deepEqual([met.state, met.firstResponse?.state, met.resolution?.state], ['met', 'met', 'met']);
  });

  it('refuses an unknown time zone in the settings', async () => {
    const res = await server.app.inject({ method: 'PATCH', url: '/api/settings', headers: bearer(tenant.adminToken), payload: { sla: { timezone: 'Europe/Atlantis' } } });
    assert.equal(res.statusCode, 422);
    assert.match(json(res).error.message, /time zone/);
  });
});
