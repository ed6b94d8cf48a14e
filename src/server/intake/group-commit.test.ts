import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';
import { createConversationRecord } from '../testing/fixtures.ts';
import type { Db } from '../db/client.ts';
import { conversations, messages } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { createRealtimeBus } from '../realtime/realtime-bus.ts';
import { adapterFor, registerAdapter } from '../channels/registry.ts';
import { createConfiguredChannel } from '../channels/channels.service.ts';
import { apiAdapter } from '../channels/api/adapter.ts';
import { createGroupCommit } from './group-commit.ts';
import type { InboundMessage } from './inbound-message.ts';

if (!adapterFor('api')) registerAdapter(apiAdapter);

/**
 * The real database, counting transactions. Each transaction waits at `gate` after its statements and before
 * its COMMIT; `failCommit` makes it roll back there instead, as a COMMIT the server refuses would.
 */
function observedDb(db: Db) {
  const state = { transactions: 0, bodiesDone: 0, gate: Promise.resolve(), failCommit: false };
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
      return (fn: (tx: Db) => Promise<unknown>) => {
        state.transactions++;
        return target.transaction(async (tx) => {
          const result = await fn(tx as unknown as Db);
          state.bodiesDone++;
          await state.gate;
          if (state.failCommit) throw new Error('commit refused');
          return result;
        });
      };
    },
  });
  return { db: proxy, state };
}

const settledSoon = async (promise: Promise<unknown>) => {
  let settled = false;
  void promise.then(() => (settled = true), () => (settled = true));
  await new Promise((r) => setTimeout(r, 50));
  return settled;
};

describe('intake group commit', () => {
  let server: TestServer;
  let tenant: Tenant;
  let db: Db;
  let n = 0;
  const message = (externalId: string | null, sender = 'cust-1', extra: Partial<InboundMessage> = {}): InboundMessage => ({
    orgId: tenant.orgId, channelId: tenant.channelId, externalId, sender: { externalId: sender }, text: `Bonjour (${externalId ?? ++n})`, ...extra,
  });
  const storedWith = (externalIds: string[]) => db.select().from(messages)
    .where(and(eq(messages.channelId, tenant.channelId), inArray(messages.externalId, externalIds)));

  before(async () => {
    server = await startTestServer();
    tenant = await server.createTenant('intake');
    db = server.database.db;
  });
  after(() => server.close());

  it('stores concurrent messages together, each once, in their conversations', async () => {
    const observed = observedDb(db);
    const group = createGroupCommit(observed.db);
    const ids = Array.from({ length: 24 }, (_, i) => `conc-${i}`);
    const results = await Promise.all(ids.map((id, i) => group.store(message(id, `conc-sender-${i % 4}`))));
    assert.ok(observed.state.transactions <= 2, `24 messages in ${observed.state.transactions} transactions`);
    assert.equal(new Set(results.map((r) => r.messageId)).size, 24);
    assert.ok(results.every((r) => !r.duplicate));
    const rows = await storedWith(ids);
    assert.equal(rows.length, 24);
    // Four new senders: four conversations, each opened by its sender's first message and joined by the others.
    assert.equal(new Set(results.map((r) => r.conversationId)).size, 4);
    assert.equal(results.filter((r) => r.newConversation).length, 4);
    for (let s = 0; s < 4; s++) {
      const mine = results.filter((_, i) => i % 4 === s);
      assert.equal(new Set(mine.map((r) => r.conversationId)).size, 1);
      assert.deepEqual(mine.map((r) => r.newConversation), [true, false, false, false, false, false]);
      const [conversation] = await db.select().from(conversations).where(eq(conversations.id, mine[0]!.conversationId));
      const times = rows.filter((r) => r.conversationId === conversation!.id).map((r) => r.createdAt.getTime());
      assert.equal(conversation!.lastMessageAt!.getTime(), Math.max(...times));
    }
  });

  it('answers two copies of one message in a batch, and a later copy, with the one stored message', async () => {
    const group = createGroupCommit(db);
    const [first, copy, other] = await Promise.all([group.store(message('dup-1')), group.store(message('dup-1')), group.store(message('dup-2'))]);
    assert.equal(first!.duplicate, false);
    assert.equal(copy!.duplicate, true);
    assert.equal(copy!.messageId, first!.messageId);
    assert.equal(copy!.conversationId, first!.conversationId);
    assert.equal(other!.duplicate, false);
    const later = await group.store(message('dup-1'));
    assert.deepEqual([later.duplicate, later.messageId], [true, first!.messageId]);
    assert.equal((await storedWith(['dup-1'])).length, 1);
  });

  it('refuses a message for an unknown channel or conversation alone, storing the rest of its batch', async () => {
    const observed = observedDb(db);
    const group = createGroupCommit(observed.db);
    const outcomes = await Promise.allSettled([
      group.store(message('ok-1')),
      group.store(message('bad-channel', 'cust-1', { channelId: randomUUID() })),
      group.store(message('bad-thread', 'cust-1', { conversationId: randomUUID() })),
      group.store(message('ok-2')),
    ]);
    assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    for (const o of outcomes.filter((o) => o.status === 'rejected')) {
      assert.ok((o as PromiseRejectedResult).reason instanceof AppError);
      assert.equal(((o as PromiseRejectedResult).reason as AppError).code, 'not_found');
    }
    assert.equal(observed.state.transactions, 1, 'a refusal is an answer, not a failed batch');
    assert.equal((await storedWith(['ok-1', 'ok-2', 'bad-thread'])).length, 2);
  });

  it('stores the others when the database refuses one message of the batch', async () => {
    const observed = observedDb(db);
    const group = createGroupCommit(observed.db);
    // PostgreSQL text cannot hold a NUL character: the whole batch's INSERT fails.
    const outcomes = await Promise.allSettled(['nul-0', 'nul-1', 'nul-2', 'nul-3'].map((id, i) =>
      group.store(message(id, 'cust-2', i === 2 ? { text: 'caractère \u0000 interdit' } : {}))));
    assert.deepEqual(outcomes.map((o) => o.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    assert.equal(observed.state.transactions, 5, 'one failed batch, then one transaction per message');
    assert.deepEqual((await storedWith(['nul-0', 'nul-1', 'nul-2', 'nul-3'])).map((m) => m.externalId).sort(), ['nul-0', 'nul-1', 'nul-3']);
  });

  it('answers only after the COMMIT, and never when the batch is not committed', async () => {
    const observed = observedDb(db);
    const group = createGroupCommit(observed.db);
    let open!: () => void;
    observed.state.gate = new Promise<void>((resolve) => (open = resolve));
    const waiting = Promise.all([group.store(message('gated-1')), group.store(message('gated-2'))]);
    while (observed.state.bodiesDone === 0) await new Promise((r) => setTimeout(r, 5));
    try {
      assert.equal(await settledSoon(waiting), false, 'statements done, COMMIT not yet: nobody is answered');
    } finally {
      open();
    }
    const stored = await waiting;
    assert.equal((await storedWith(['gated-1', 'gated-2'])).length, 2);
    assert.ok(stored.every((r) => !r.duplicate));

    observed.state.gate = Promise.resolve();
    observed.state.failCommit = true;
    const refused = await Promise.allSettled([group.store(message('lost-1')), group.store(message('lost-2'))]);
    assert.deepEqual(refused.map((o) => o.status), ['rejected', 'rejected']);
    assert.equal((await storedWith(['lost-1', 'lost-2'])).length, 0);
  });

  it('keeps a sender out of a second batch while the first is being written: one customer, one conversation', async () => {
    const group = createGroupCommit(db);
    // A known customer whose earlier conversation is resolved: the next message opens a new one.
    const earlier = await group.store(message('part-0', 'part-s1'));
    await db.update(conversations).set({ status: 'resolved' }).where(eq(conversations.id, earlier.conversationId));
    const observed = observedDb(db);
    const gated = createGroupCommit(observed.db);
    let open!: () => void;
    observed.state.gate = new Promise<void>((resolve) => (open = resolve));
    const first = gated.store(message('part-1', 'part-s1'));
    while (observed.state.bodiesDone === 0) await new Promise((r) => setTimeout(r, 5));
    observed.state.gate = Promise.resolve(); // only the first batch waits before its COMMIT
    const second = gated.store(message('part-2', 'part-s1'));
    const other = gated.store(message('part-3', 'part-s2'));
    try {
      // On PostgreSQL another customer's message is written meanwhile (PGlite has one connection: it waits too).
      if (server.database.kind === 'postgres') await other;
      assert.equal(await settledSoon(second), false, 'the same customer waits for the first batch');
    } finally {
      open();
    }
    const [a, b] = await Promise.all([first, second, other]);
    assert.equal(a!.newConversation, true);
    assert.notEqual(a!.conversationId, earlier.conversationId);
    assert.deepEqual([b!.conversationId, b!.newConversation], [a!.conversationId, false]);
  });

  it('continues a named conversation and reopens it, and lets an auto-reply leave it resolved', async () => {
    const group = createGroupCommit(db);
    const { conversation: resolved } = await createConversationRecord(db, tenant.orgId, tenant.channelId, { status: 'resolved' });
    const { conversation: quiet } = await createConversationRecord(db, tenant.orgId, tenant.channelId, { status: 'resolved' });
    const [reply, bounce] = await Promise.all([
      group.store(message('thread-1', 'thread-sender', { conversationId: resolved.id })),
      group.store(message('thread-2', 'thread-sender', { conversationId: quiet.id, metadata: { bounce: true } })),
    ]);
    assert.equal(reply!.conversationId, resolved.id);
    assert.equal(bounce!.conversationId, quiet.id);
    const rows = await db.select().from(conversations).where(inArray(conversations.id, [resolved.id, quiet.id]));
    assert.equal(rows.find((c) => c.id === resolved.id)!.status, 'open');
    assert.equal(rows.find((c) => c.id === quiet.id)!.status, 'resolved');
  });

  it('publishes one realtime event per stored message, after the commit', async () => {
    const bus = await createRealtimeBus(server.database);
    try {
      const heard: string[] = [];
      bus.subscribe((orgId, event) => {
        if (orgId === tenant.orgId && event.kind === 'message.created') heard.push(event.messageId);
      });
      const group = createGroupCommit(db);
      const results = await Promise.all(['rt-1', 'rt-2', 'rt-3', 'rt-1'].map((id) => group.store(message(id))));
      const expected = [...new Set(results.map((r) => r.messageId))].sort();
      for (let waited = 0; heard.length < 3 && waited < 5000; waited += 10) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual([...heard].sort(), expected, 'three messages, three events: the copy publishes nothing');
    } finally {
      await bus.close();
    }
  });

  it('acknowledges concurrent API posts once each is stored, duplicates with 200', async () => {
    const channel = await createConfiguredChannel(db, tenant.orgId, { type: 'api', name: 'Back office', settings: { webhookUrl: 'http://127.0.0.1:9/hook' } });
    const post = (externalId: string, sender: string) => server.app.inject({
      method: 'POST', url: `/api/channels/${channel.id}/messages`, headers: bearer(tenant.adminToken),
      payload: { externalId, sender: { id: sender }, text: `Commande ${externalId} ?` },
    });
    const ids = Array.from({ length: 20 }, (_, i) => `http-${i % 16}`);
    const responses = await Promise.all(ids.map((id, i) => post(id, `http-sender-${i % 5}`)));
    assert.equal(responses.filter((r) => r.statusCode === 201).length, 16, responses.map((r) => r.body).join('\n'));
    assert.equal(responses.filter((r) => r.statusCode === 200).length, 4);
    const byId = new Map<string, Set<string>>();
    responses.forEach((r, i) => byId.set(ids[i]!, (byId.get(ids[i]!) ?? new Set()).add(json(r).messageId)));
    assert.ok([...byId.values()].every((s) => s.size === 1), 'every copy is answered with the stored message');
    const rows = await db.select().from(messages).where(eq(messages.channelId, channel.id));
    assert.equal(rows.length, 16);
  });
});
