// The whole pyramid on one conversation, through the real HTTP routes: a public Facebook complaint is triaged,
// level 1 abstains, a community expert answers it publicly and escalates it as beyond their competence, the
// core team takes it over and resolves it. The customer sees one continuous thread on the same post.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { users } from '../../src/server/db/schema/index.ts';
import { createTeam } from '../../src/server/organizations/organizations.service.ts';
import { updateChannelSettings } from '../../src/server/channels/channels.service.ts';
import { fixture, metaSettings, PAGE_ID, startMetaTestBed, type MetaTestBed } from '../../src/server/channels/meta/meta-test-kit.ts';
import { triageStoredMessage } from '../../src/server/triage/apply-triage.ts';
import { dispatchDue } from '../../src/server/outbox/dispatch-outbox.ts';
import { startHttpRecorder } from '../../src/server/testing/local-receivers.ts';
import { bearer, json } from '../../src/server/testing/test-server.ts';

describe('a public complaint climbs the pyramid', () => {
  let bed: MetaTestBed;
  let graph: Awaited<ReturnType<typeof startHttpRecorder>>;
  let expert: { id: string; token: string };
  let agent: { id: string; token: string };
  let conversationId: string;

  before(async () => {
    bed = await startMetaTestBed();
    const responses = fixture('graph-responses.json');
    graph = await startHttpRecorder((req) => ({ status: 200, body: req.url.includes('/messages') ? responses.sendApi : responses.comment }));
    const { db } = bed.server.database;
    await updateChannelSettings(db, bed.tenant.orgId, bed.channels.facebook.id, { ...metaSettings(graph.url), pageId: PAGE_ID });
    // A community experts' queue with one expert who answers in English; the tenant's core team has an agent.
    const experts = await createTeam(db, bed.tenant.orgId, { name: 'Community', level: 2 });
    expert = await bed.tenant.addUser('expert');
    await db.update(users).set({ teamId: experts.id, languages: ['en'] }).where(eq(users.id, expert.id));
    agent = await bed.tenant.addUser('agent');
  });
  after(async () => {
    await graph.close();
    await bed.close();
  });

  const api = async (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    bed.server.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

  it('level 1 reads the public complaint and abstains: it goes to the community experts, with why', async () => {
    assert.equal((await bed.deliver('facebook', fixture('page-feed-comment.json'))).statusCode, 200);
    const [inbound] = await bed.messagesOf(bed.channels.facebook.id);
    conversationId = inbound!.conversationId;
    const outcome = await triageStoredMessage({ db: bed.server.database.db, mail: { smtpUrl: undefined, from: 'Relais <alerts@relais.test>' } }, inbound!.id);
    assert.equal(outcome.status, 'triaged');
    assert.equal(outcome.result!.language, 'en');
    assert.notEqual(outcome.result!.decision, 'auto_answer');

    const conversation = json(await api(bed.tenant.adminToken, 'GET', `/api/conversations/${conversationId}`));
    assert.equal(conversation.visibility, 'public');
    assert.equal(conversation.level, 2);
    assert.equal(conversation.assigneeId, expert.id);
    assert.ok(conversation.firstResponseDueAt, 'no response-time target on a public post');
    assert.ok(conversation.routing.fired.length > 0, 'no reasons for the routing');
    assert.ok((await bed.messagesOf(bed.channels.facebook.id)).length === 1, 'level 1 answered a conversation it abstained on');
  });

  it('the expert sees it in their queue, answers publicly, then escalates it as beyond their competence', async () => {
    const queue = json(await api(expert.token, 'GET', '/api/conversations?status=open'));
    assert.deepEqual(queue.items.map((c: { id: string }) => c.id), [conversationId]);
    const reply = await api(expert.token, 'POST', `/api/conversations/${conversationId}/messages`, {
      body: 'Sorry for the wait! Refunds usually take 10 days; the team can check your file.', isPublic: true,
    });
    assert.equal(reply.statusCode, 201, reply.body);
    await dispatchDue(bed.server.database.db);
    const escalated = await api(expert.token, 'POST', `/api/conversations/${conversationId}/escalate`, { note: 'Needs access to the refund file: beyond my competence.' });
    assert.equal(escalated.statusCode, 200, escalated.body);
    // Once escalated, the conversation has left the expert's scope.
    assert.equal((await api(expert.token, 'GET', `/api/conversations/${conversationId}`)).statusCode, 404);
    const atCore = json(await api(agent.token, 'GET', `/api/conversations/${conversationId}`));
    assert.equal(atCore.level, 3);
  });

  it('the core team takes it over, answers on the same post and resolves it; the history tells the whole story', async () => {
    const taken = await api(agent.token, 'POST', `/api/conversations/${conversationId}/takeover`);
    assert.equal(taken.statusCode, 200, taken.body);
    assert.equal(json(taken).assigneeId, agent.id);
    const reply = await api(agent.token, 'POST', `/api/conversations/${conversationId}/messages`, {
      body: 'Your refund was sent today: you will see it within 3 days. Sorry again.', isPublic: true,
    });
    assert.equal(reply.statusCode, 201, reply.body);
    await dispatchDue(bed.server.database.db);
    const resolved = json(await api(agent.token, 'PATCH', `/api/conversations/${conversationId}`, { status: 'resolved' }));
    assert.equal(resolved.status, 'resolved');
    assert.ok(resolved.firstResponseAt && resolved.resolvedAt);

    // The customer saw both answers as replies to their own comment, on the same post: one continuous thread.
    const publicReplies = graph.requests.filter((r) => r.method === 'POST' && r.url.includes('200000000000001_300000000000001/comments'));
    assert.equal(publicReplies.length, 2, JSON.stringify(graph.requests.map((r) => r.url)));
    const thread = json(await api(agent.token, 'GET', `/api/conversations/${conversationId}/messages`));
    assert.deepEqual(thread.items.map((m: { authorKind: string }) => m.authorKind), ['customer', 'expert', 'agent']);
    // The recorder answers every send with the same documented comment id: a vendor reusing an id must not
    // leave a sent reply looking unsent (it would be sent again).
    assert.deepEqual(thread.items.slice(1).map((m: { delivery: { status: string } }) => m.delivery.status), ['sent', 'sent']);

    const history = json(await api(agent.token, 'GET', `/api/conversations/${conversationId}/routing`));
    const kinds = history.history.map((d: { kind: string }) => d.kind);
    assert.deepEqual(kinds, ['route', 'escalate', 'takeover'], JSON.stringify(history.history));
  });
});
