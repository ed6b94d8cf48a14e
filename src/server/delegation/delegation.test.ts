// The delegation of authority through the API: the matrix, provider replies allowed, held for approval or
// refused, and the approval queue's decisions.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { approvalRequests, conversations, events, messages, outbox } from '../db/schema/index.ts';
import { createProvider, createTeam } from '../organizations/organizations.service.ts';
import { updateOrgSettings } from '../organizations/org-settings.ts';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';
import { createConversationRecord } from '../testing/fixtures.ts';
import { createProviderTeam } from './delegation-test-kit.ts';
import { createRealtimeBus } from '../realtime/realtime-bus.ts';

describe('delegation of authority', () => {
  let server: TestServer;
  let tenant: Tenant;
  let teamId: string;
  let agent: { id: string; token: string };
  let otherAgent: { id: string; token: string };
  let coreAgent: { id: string; token: string };
  let supervisor: { id: string; token: string };

  const inject = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, token: string, payload?: object) =>
    server.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const setRules = (rules: object[]) => inject('PUT', '/api/delegation/rules', tenant.adminToken, { teamId, rules });
  const conversation = async (fields: { intent?: string; visibility?: 'public' | 'private' } = {}) =>
    (await createConversationRecord(server.database.db, tenant.orgId, tenant.channelId, { teamId, ...fields })).conversation.id;
  const reply = (conversationId: string, token: string, payload: object) =>
    inject('POST', `/api/conversations/${conversationId}/messages`, token, { body: 'Nous vous offrons un geste.', ...payload });
  const outboundCount = async (conversationId: string) => {
    const { db } = server.database;
    const sent = await db.select({ id: messages.id }).from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'outbound')));
    const queued = await db.select({ id: outbox.id }).from(outbox).innerJoin(messages, eq(messages.id, outbox.messageId)).where(eq(messages.conversationId, conversationId));
    return { sent: sent.length, queued: queued.length };
  };

  before(async () => {
    server = await startTestServer();
    tenant = await server.createTenant('deleg');
    const provider = await createProviderTeam(server.database.db, tenant.orgId, 'Acme');
    teamId = provider.teamId;
    agent = await provider.addAgent();
    otherAgent = await provider.addAgent();
    coreAgent = await tenant.addUser('agent');
    supervisor = await tenant.addUser('supervisor');
    await updateOrgSettings(server.database.db, tenant.orgId, { pyramid: { approvalTargetMinutes: 30 } });
  });
  after(() => server.close());

  describe('the matrix', () => {
    it('replaces a team\'s rules, upserts one, lists and deletes them', async () => {
      const replaced = await setRules([
        { actionType: 'answer_topic', mode: 'autonomous' },
        { actionType: 'answer_topic', topic: 'legal', mode: 'forbidden' },
        { actionType: 'commercial_gesture', mode: 'autonomous', maxAmount: 50 },
      ]);
      assert.equal(replaced.statusCode, 200, replaced.body);
      assert.equal(json(replaced).items.length, 3);
      const upserted = json(await inject('PUT', '/api/delegation/rules', tenant.adminToken, { teamId, actionType: 'commercial_gesture', mode: 'approval', maxAmount: 80 }));
      assert.equal(upserted.items.length, 3);
      const gesture = upserted.items.find((r: any) => r.actionType === 'commercial_gesture');
      assert.deepEqual([gesture.mode, gesture.maxAmount], ['approval', 80]);
      const listed = json(await inject('GET', `/api/delegation/rules?teamId=${teamId}`, coreAgent.token)).items;
      assert.equal(listed.length, 3);
      // A provider agent reads their own team's rules, whatever team they ask for.
      assert.equal(json(await inject('GET', `/api/delegation/rules?teamId=${tenant.teamId}`, agent.token)).items.length, 3);
      const deleted = await inject('DELETE', `/api/delegation/rules/${gesture.id}`, tenant.adminToken);
      assert.equal(deleted.statusCode, 204);
      assert.equal(json(await inject('GET', '/api/delegation/rules', tenant.adminToken)).items.length, 2);
      assert.equal((await inject('DELETE', `/api/delegation/rules/${gesture.id}`, tenant.adminToken)).statusCode, 404);
      const audit = await server.database.db.select({ type: events.type }).from(events).where(eq(events.orgId, tenant.orgId));
      for (const type of ['delegation.rules_replaced', 'delegation.rule_set', 'delegation.rule_deleted']) assert.ok(audit.some((e) => e.type === type), type);
    });

    it('refuses bad rules with the field that is wrong', async () => {
      const cases: [object, RegExp][] = [
        [{ teamId, rules: [{ actionType: 'account_change', mode: 'autonomous', maxAmount: 10 }] }, /rules\.0\.maxAmount: only commercial_gesture and refund/],
        [{ teamId, rules: [{ actionType: 'refund', mode: 'autonomous', maxAmount: -1 }] }, /rules\.0\.maxAmount: must be a number from 0/],
        [{ teamId, rules: [{ actionType: 'refund', mode: 'sometimes' }] }, /mode/],
        [{ teamId, rules: [{ actionType: 'fly_to_the_moon', mode: 'autonomous' }] }, /actionType/],
        [{ teamId, rules: [{ actionType: 'refund', topic: 'delay', mode: 'autonomous' }] }, /rules\.0\.topic: only answer_topic/],
        [{ teamId, rules: [{ actionType: 'refund', mode: 'autonomous' }, { actionType: 'refund', mode: 'forbidden' }] }, /rules\.1: a second rule for refund/],
        [{ teamId: tenant.teamId, rules: [] }, /teamId: not a provider team of this brand/],
        [{ teamId, actionType: 'answer_topic', mode: 'autonomous', maxAmount: 3 }, /body\.maxAmount: only commercial_gesture/],
        [{ teamId, actionType: 'refund' }, /body\.mode: required/],
        [{ teamId, rules: [], mode: 'forbidden' }, /either rules .* or one rule, not both/],
        [{ teamId, mode: 'forbidden' }, /body\.actionType/],
      ];
      for (const [payload, message] of cases) {
        const res = await inject('PUT', '/api/delegation/rules', tenant.adminToken, payload);
        assert.equal(res.statusCode, 422, `${JSON.stringify(payload)}: ${res.body}`);
        assert.match(json(res).error.message, message);
      }
    });

    it('refuses a provider team of another brand, and lets only admins change rules', async () => {
      const other = await server.createTenant('other');
      const foreignProvider = await createProvider(server.database.db, other.orgId, { name: 'Elsewhere', slug: `elsewhere-${Date.now()}` });
      // A team of this tenant pointing at another brand's provider is not a provider of this brand.
      const odd = await createTeam(server.database.db, tenant.orgId, { name: 'Odd', providerOrgId: foreignProvider.id });
      const res = await inject('PUT', '/api/delegation/rules', tenant.adminToken, { teamId: odd.id, rules: [] });
      assert.equal(res.statusCode, 422);
      assert.equal((await inject('PUT', '/api/delegation/rules', supervisor.token, { teamId, rules: [] })).statusCode, 403);
      assert.equal((await inject('PUT', '/api/delegation/rules', agent.token, { teamId, rules: [] })).statusCode, 403);
    });
  });

  describe('a provider agent\'s reply', () => {
    before(async () => {
      const res = await setRules([
        { actionType: 'answer_topic', mode: 'autonomous' },
        { actionType: 'answer_topic', topic: 'legal', mode: 'forbidden' },
        { actionType: 'commercial_gesture', mode: 'autonomous', maxAmount: 50 },
        { actionType: 'refund', mode: 'approval', maxAmount: 200 },
        { actionType: 'account_change', mode: 'forbidden' },
      ]);
      assert.equal(res.statusCode, 200, res.body);
    });

    it('goes out at once when autonomous, up to the delegated amount, and sets the first response', async () => {
      const id = await conversation({ intent: 'delay' });
      const res = await reply(id, agent.token, { actions: [{ type: 'commercial_gesture', amount: 50 }] });
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(await outboundCount(id), { sent: 1, queued: 1 });
      const [row] = await server.database.db.select().from(conversations).where(eq(conversations.id, id));
      assert.ok(row!.firstResponseAt);
    });

    it('is refused over the delegated amount, naming the rule, and nothing is stored', async () => {
      const id = await conversation({ intent: 'delay' });
      const rules = json(await inject('GET', '/api/delegation/rules', tenant.adminToken)).items;
      const gestureRule = rules.find((r: any) => r.actionType === 'commercial_gesture');
      const res = await reply(id, agent.token, { actions: [{ type: 'commercial_gesture', amount: 50.5 }] });
      assert.equal(res.statusCode, 403, res.body);
      const { error } = json(res);
      assert.equal(error.code, 'forbidden_action');
      assert.equal(error.details.ruleId, gestureRule.id);
      assert.ok(error.message.includes(gestureRule.id));
      assert.match(error.details.reason, /over the delegated maximum of 50/);
      assert.deepEqual(await outboundCount(id), { sent: 0, queued: 0 });
      const refused = await server.database.db.select().from(events).where(and(eq(events.orgId, tenant.orgId), eq(events.type, 'delegation.refused')));
      assert.ok(refused.some((e) => e.subjectId === id));
    });

    it('cannot send a forbidden action, nor answer a forbidden topic', async () => {
      const id = await conversation({ intent: 'delay' });
      const res = await reply(id, agent.token, { actions: [{ type: 'account_change' }] });
      assert.equal(res.statusCode, 403);
      assert.equal(json(res).error.code, 'forbidden_action');
      assert.equal(json(res).error.details.actionType, 'account_change');
      const legal = await conversation({ intent: 'legal' });
      const onTopic = await reply(legal, agent.token, {});
      assert.equal(onTopic.statusCode, 403);
      assert.match(json(onTopic).error.message, /answering the topic "legal" is forbidden on topic "legal"/);
      assert.deepEqual(await outboundCount(id), { sent: 0, queued: 0 });
      assert.deepEqual(await outboundCount(legal), { sent: 0, queued: 0 });
    });

    it('refuses a money action without an amount, and an amount on an action that has none', async () => {
      const id = await conversation();
      assert.equal((await reply(id, agent.token, { actions: [{ type: 'refund' }] })).statusCode, 422);
      assert.equal((await reply(id, agent.token, { actions: [{ type: 'account_change', amount: 3 }] })).statusCode, 422);
      assert.equal((await reply(id, agent.token, { actions: [{ type: 'refund', amount: -5 }] })).statusCode, 422);
    });

    it('does not check the brand\'s own people', async () => {
      const id = await conversation({ intent: 'legal' });
      const res = await reply(id, coreAgent.token, { actions: [{ type: 'account_change' }, { type: 'refund', amount: 10_000 }] });
      assert.equal(res.statusCode, 201, res.body);
    });

    it('waits for the brand\'s approval when the rule says so: nothing reaches messages or the outbox', async () => {
      const id = await conversation({ intent: 'delay' });
      const res = await reply(id, agent.token, { body: 'Nous vous remboursons 120 €.', actions: [{ type: 'refund', amount: 120 }] });
      assert.equal(res.statusCode, 202, res.body);
      const approval = json(res);
      assert.equal(approval.status, 'pending');
      assert.equal(approval.actionType, 'refund');
      assert.equal(approval.amount, 120);
      assert.ok(approval.ruleId);
      assert.equal(approval.overdue, false);
      assert.equal(new Date(approval.dueAt).getTime() - new Date(approval.createdAt).getTime(), 30 * 60_000);
      assert.deepEqual(await outboundCount(id), { sent: 0, queued: 0 });
      const [row] = await server.database.db.select().from(conversations).where(eq(conversations.id, id));
      assert.equal(row!.firstResponseAt, null);
    });

    it('a public reply on a public conversation is a public statement: approval by default', async () => {
      const id = await conversation({ visibility: 'public' });
      const res = await reply(id, agent.token, { isPublic: true });
      assert.equal(res.statusCode, 202, res.body);
      assert.equal(json(res).actionType, 'public_statement');
      assert.equal(json(res).ruleId, null);
      assert.match(json(res).reason, /default is approval/);
      assert.equal((await reply(id, agent.token, { isPublic: false })).statusCode, 201);
    });
  });

  describe('the approval queue', () => {
    const requestApproval = async (body = 'Remboursement de 100 €.') => {
      const id = await conversation({ intent: 'delay' });
      const res = await reply(id, agent.token, { body, actions: [{ type: 'refund', amount: 100 }] });
      assert.equal(res.statusCode, 202, res.body);
      return { conversationId: id, approval: json(res) };
    };

    it('approves as written: the message and its outbox row appear, by the provider agent', async () => {
      const { conversationId, approval } = await requestApproval();
      const res = await inject('POST', `/api/approvals/${approval.id}/approve`, supervisor.token);
      assert.equal(res.statusCode, 200, res.body);
      const decided = json(res);
      assert.equal(decided.status, 'approved');
      assert.equal(decided.edited, false);
      assert.equal(decided.decidedByUserId, supervisor.id);
      const [message] = await server.database.db.select().from(messages).where(eq(messages.id, decided.messageId));
      assert.equal(message!.body, 'Remboursement de 100 €.');
      assert.equal(message!.authorUserId, agent.id);
      assert.deepEqual(await outboundCount(conversationId), { sent: 1, queued: 1 });
      const [row] = await server.database.db.select().from(conversations).where(eq(conversations.id, conversationId));
      assert.ok(row!.firstResponseAt);
    });

    it('approves an edited reply and says it was edited', async () => {
      const { conversationId, approval } = await requestApproval();
      const res = await inject('POST', `/api/approvals/${approval.id}/approve`, coreAgent.token, { body: 'Remboursement de 80 €.' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(json(res).edited, true);
      const sent = await server.database.db.select().from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'outbound')));
      assert.deepEqual(sent.map((m) => m.body), ['Remboursement de 80 €.']);
      // The draft stays as the provider wrote it.
      assert.equal(json(await inject('GET', `/api/approvals/${approval.id}`, supervisor.token)).body, 'Remboursement de 100 €.');
    });

    it('rejects with a reason (required); nothing is sent', async () => {
      const { conversationId, approval } = await requestApproval();
      assert.equal((await inject('POST', `/api/approvals/${approval.id}/reject`, supervisor.token, {})).statusCode, 422);
      assert.equal((await inject('POST', `/api/approvals/${approval.id}/reject`, supervisor.token, { reason: '  ' })).statusCode, 422);
      const res = await inject('POST', `/api/approvals/${approval.id}/reject`, supervisor.token, { reason: 'Proposez un avoir plutôt.' });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([json(res).status, json(res).decisionReason], ['rejected', 'Proposez un avoir plutôt.']);
      assert.deepEqual(await outboundCount(conversationId), { sent: 0, queued: 0 });
    });

    it('refuses a second decision with 409, and a provider agent\'s decision with 403', async () => {
      const { approval } = await requestApproval();
      assert.equal((await inject('POST', `/api/approvals/${approval.id}/approve`, agent.token)).statusCode, 403);
      assert.equal((await inject('POST', `/api/approvals/${approval.id}/reject`, agent.token, { reason: 'moi-même' })).statusCode, 403);
      assert.equal((await inject('POST', `/api/approvals/${approval.id}/approve`, supervisor.token)).statusCode, 200);
      const again = await inject('POST', `/api/approvals/${approval.id}/approve`, tenant.adminToken);
      assert.equal(again.statusCode, 409);
      assert.match(json(again).error.message, /already approved/);
      assert.equal((await inject('POST', `/api/approvals/${approval.id}/reject`, tenant.adminToken, { reason: 'trop tard' })).statusCode, 409);
      const sent = await server.database.db.select().from(messages).where(and(eq(messages.conversationId, approval.conversationId), eq(messages.direction, 'outbound')));
      assert.equal(sent.length, 1);
    });

    it('two simultaneous approvals send the reply once', async () => {
      const { conversationId, approval } = await requestApproval();
      const results = await Promise.all([
        inject('POST', `/api/approvals/${approval.id}/approve`, supervisor.token),
        inject('POST', `/api/approvals/${approval.id}/approve`, tenant.adminToken),
      ]);
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
      assert.deepEqual(await outboundCount(conversationId), { sent: 1, queued: 1 });
    });

    it('tells the desk in realtime of each request and decision', async () => {
      const bus = await createRealtimeBus(server.database);
      const heard: any[] = [];
      bus.subscribe((orgId, event) => { if (orgId === tenant.orgId) heard.push(event); });
      try {
        const first = await requestApproval();
        const second = await requestApproval();
        await inject('POST', `/api/approvals/${first.approval.id}/approve`, supervisor.token);
        await inject('POST', `/api/approvals/${second.approval.id}/reject`, supervisor.token, { reason: 'Non.' });
        const expected = [
          { kind: 'approval.requested', approvalId: first.approval.id, conversationId: first.conversationId },
          { kind: 'approval.requested', approvalId: second.approval.id, conversationId: second.conversationId },
          { kind: 'approval.decided', approvalId: first.approval.id, conversationId: first.conversationId, status: 'approved' },
          { kind: 'approval.decided', approvalId: second.approval.id, conversationId: second.conversationId, status: 'rejected' },
        ];
        for (let i = 0; i < 200 && heard.filter((e) => e.kind.startsWith('approval.')).length < 4; i++) await new Promise((r) => setTimeout(r, 10));
        assert.deepEqual(heard.filter((e) => e.kind.startsWith('approval.')), expected);
        // The approved reply itself is announced like any reply.
        assert.ok(heard.some((e) => e.kind === 'message.created' && e.conversationId === first.conversationId));
      } finally {
        await bus.close();
      }
    });

    it('lists the brand\'s queue with the overdue flag; a provider agent sees only their own requests', async () => {
      const { approval } = await requestApproval();
      const other = await conversation();
      const mine = json(await reply(other, otherAgent.token, { actions: [{ type: 'refund', amount: 10 }] }));
      // Past its target time: the brand is late.
      await server.database.db.update(approvalRequests).set({ dueAt: new Date(Date.now() - 60_000) }).where(eq(approvalRequests.id, approval.id));
      const queue = json(await inject('GET', '/api/approvals?status=pending&limit=100', supervisor.token)).items;
      const late = queue.find((a: any) => a.id === approval.id);
      assert.equal(late.overdue, true);
      assert.equal(queue.find((a: any) => a.id === mine.id).overdue, false);
      assert.ok(queue.every((a: any) => a.status === 'pending'));
      const own = json(await inject('GET', '/api/approvals?limit=100', otherAgent.token)).items;
      assert.deepEqual(own.map((a: any) => a.id), [mine.id]);
      assert.equal((await inject('GET', `/api/approvals/${approval.id}`, otherAgent.token)).statusCode, 404);
      assert.equal((await inject('GET', `/api/approvals/${mine.id}`, otherAgent.token)).statusCode, 200);
      const audit = await server.database.db.select({ type: events.type }).from(events).where(eq(events.orgId, tenant.orgId));
      for (const type of ['approval.requested', 'approval.approved', 'approval.rejected']) assert.ok(audit.some((e) => e.type === type), type);
    });
  });
});
