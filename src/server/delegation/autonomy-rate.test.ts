// The autonomy rate on a known set of closed conversations.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { approvalRequests, conversations, messages } from '../db/schema/index.ts';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';
import { createConversationRecord } from '../testing/fixtures.ts';
import { createProviderTeam } from './delegation-test-kit.ts';

describe('autonomy rate', () => {
  let server: TestServer;
  let tenant: Tenant;
  let teamA: string;
  let teamB: string;
  let idle: string;
  const inPeriod = new Date('2026-03-10T12:00:00Z');

  before(async () => {
    server = await startTestServer();
    tenant = await server.createTenant('autonomy');
    const { db } = server.database;
    const a = await createProviderTeam(db, tenant.orgId, 'Alpha');
    const b = await createProviderTeam(db, tenant.orgId, 'Beta');
    idle = (await createProviderTeam(db, tenant.orgId, 'Idle')).teamId;
    teamA = a.teamId;
    teamB = b.teamId;
    const agentA = await a.addAgent();
    const agentB = await b.addAgent();

    const closed = async (teamId: string | null, options: { status?: 'resolved' | 'closed' | 'open'; at?: Date } = {}) => {
      const { conversation } = await createConversationRecord(db, tenant.orgId, tenant.channelId, { teamId, at: new Date('2026-03-01T09:00:00Z') });
      const status = options.status ?? 'resolved';
      await db.update(conversations).set({ status, resolvedAt: status === 'resolved' ? options.at ?? inPeriod : null, updatedAt: options.at ?? inPeriod })
        .where(eq(conversations.id, conversation.id));
      return conversation;
    };
    const approval = (conversationId: string, teamId: string, userId: string, status: string) => db.insert(approvalRequests).values({
      orgId: tenant.orgId, conversationId, teamId, requestedByUserId: userId, body: 'Geste', actionType: 'refund', amount: 20,
      reason: 'refund needs approval', status, dueAt: inPeriod,
    });

    // Alpha: 7 in its queue closed alone, 2 that needed approval (approved, rejected), 1 closed (not resolved)
    // in the core queue where an Alpha agent replied: 10 closed, 2 with approval → 0.8.
    for (let i = 0; i < 6; i++) await closed(teamA);
    await closed(teamA, { status: 'closed' });
    await approval((await closed(teamA)).id, teamA, agentA.id, 'approved');
    await approval((await closed(teamA)).id, teamA, agentA.id, 'rejected');
    const helped = await closed(tenant.teamId);
    await db.insert(messages).values({
      orgId: tenant.orgId, conversationId: helped.id, channelId: tenant.channelId, direction: 'outbound', authorKind: 'agent',
      authorUserId: agentA.id, body: 'Réponse du prestataire',
    });
    // Not counted for Alpha: still open, closed outside the period, or the core team's own work.
    await approval((await closed(teamA, { status: 'open' })).id, teamA, agentA.id, 'pending');
    await closed(teamA, { at: new Date('2026-02-20T12:00:00Z') });
    await closed(teamA, { at: new Date('2026-04-01T00:00:00Z') });
    await closed(tenant.teamId);
    // Beta: 3 closed, 2 needing approval → 1/3, under the target.
    await closed(teamB);
    await approval((await closed(teamB)).id, teamB, agentB.id, 'approved');
    await approval((await closed(teamB)).id, teamB, agentB.id, 'pending');
  });
  after(() => server.close());

  const autonomy = async (query: string, token = tenant.adminToken) =>
    server.app.inject({ method: 'GET', url: `/api/delegation/autonomy?${query}`, headers: bearer(token) });

  it('counts per provider team the conversations closed without approval, against the 70% target', async () => {
    const res = await autonomy('from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z');
    assert.equal(res.statusCode, 200, res.body);
    const body = json(res);
    assert.equal(body.target, 0.7);
    const byTeam = new Map(body.teams.map((t: any) => [t.teamId, t]));
    assert.deepEqual(byTeam.get(teamA), { teamId: teamA, name: 'Alpha team', closed: 10, neededApproval: 2, rate: 0.8, meetsTarget: true });
    const beta: any = byTeam.get(teamB);
    assert.deepEqual([beta.closed, beta.neededApproval, beta.meetsTarget], [3, 2, false]);
    assert.ok(Math.abs(beta.rate - 1 / 3) < 1e-9);
    assert.deepEqual(byTeam.get(idle), { teamId: idle, name: 'Idle team', closed: 0, neededApproval: 0, rate: null, meetsTarget: null });
    // The core team is not a provider team.
    assert.equal(byTeam.has(tenant.teamId), false);
  });

  it('filters by team and by period, and refuses an empty period', async () => {
    const only = json(await autonomy(`from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z&teamId=${teamA}`));
    assert.deepEqual(only.teams.map((t: any) => [t.teamId, t.closed]), [[teamA, 1]]);
    const bad = await autonomy('from=2026-04-01T00:00:00Z&to=2026-03-01T00:00:00Z');
    assert.equal(bad.statusCode, 422);
    assert.equal((await autonomy('from=yesterday')).statusCode, 422);
  });

  it('is for the brand\'s managers', async () => {
    const agent = await tenant.addUser('agent');
    assert.equal((await autonomy('', agent.token)).statusCode, 403);
  });
});
