import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, type Database } from '../db/client.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { createRealtimeBus, type RealtimeBus } from './realtime-bus.ts';
import { publishRealtime } from './publish-realtime.ts';
import type { RealtimeEvent, ResyncSignal } from './realtime-events.ts';

type Received = { orgId: string | null; event: RealtimeEvent | ResyncSignal };

function collect(bus: RealtimeBus) {
  const received: Received[] = [];
  bus.subscribe((orgId, event) => received.push({ orgId, event }));
  const waitFor = async (match: (r: Received) => boolean, timeoutMs = 5000) => {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const found = received.find(match);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`not received within ${timeoutMs} ms; got ${JSON.stringify(received)}`);
  };
  return { received, waitFor };
}

const ORG = '00000000-0000-4000-8000-00000000000a';
const conv = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('realtime bus', () => {
  let database: TestDatabase;
  /** On PostgreSQL a second pool and listening connection: another Relais process. On PGlite, the same database. */
  let other: Database;
  let busA: RealtimeBus;
  let busB: RealtimeBus;

  before(async () => {
    database = await createTestDatabase();
    other = database.url ? await openDatabase({ databaseUrl: database.url, poolSize: 2 }) : database;
    busA = await createRealtimeBus(database);
    busB = await createRealtimeBus(other);
  });
  after(async () => {
    await busA.close();
    await busB.close();
    if (other !== database) await other.close();
    await database.dispose();
  });

  it('delivers an event published by one process to the subscribers of another, and to its own', async () => {
    const a = collect(busA);
    const b = collect(busB);
    const event: RealtimeEvent = { kind: 'conversation.updated', conversationId: conv(1) };
    await busA.publish(ORG, event);
    assert.deepEqual((await b.waitFor((r) => r.event.kind === 'conversation.updated')).event, event);
    assert.equal((await a.waitFor((r) => r.event.kind === 'conversation.updated')).orgId, ORG);
  });

  it('delivers an event published in a transaction at COMMIT, and never one rolled back', async () => {
    const b = collect(busB);
    await database.db.transaction(async (tx) => {
      await publishRealtime(tx, ORG, { kind: 'conversation.updated', conversationId: conv(2) });
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(b.received.length, 0, 'nothing before the commit');
    });
    await b.waitFor((r) => r.event.kind === 'conversation.updated' && r.event.conversationId === conv(2));
    await assert.rejects(database.db.transaction(async (tx) => {
      await publishRealtime(tx, ORG, { kind: 'conversation.updated', conversationId: conv(3) });
      throw new Error('rolled back');
    }));
    await busA.publish(ORG, { kind: 'conversation.updated', conversationId: conv(4) }); // a marker after the rollback
    await b.waitFor((r) => r.event.kind === 'conversation.updated' && r.event.conversationId === conv(4));
    assert.ok(!b.received.some((r) => r.event.kind === 'conversation.updated' && r.event.conversationId === conv(3)));
  });

  it('refuses a payload NOTIFY would reject: events carry ids, not content', async () => {
    const huge = { kind: 'alert.raised', alertId: 'x'.repeat(9000) } as const;
    await assert.rejects(busA.publish(ORG, huge), /too large for NOTIFY/);
  });

  it('ignores foreign payloads on the channel and survives a failing subscriber', async () => {
    const b = collect(busB);
    busB.subscribe(() => { throw new Error('a broken subscriber'); });
    await database.executeSql(`SELECT pg_notify('relais_realtime', 'not json')`);
    await busA.publish(ORG, { kind: 'conversation.updated', conversationId: conv(5) });
    await b.waitFor((r) => r.event.kind === 'conversation.updated' && r.event.conversationId === conv(5));
    assert.ok(b.received.every((r) => r.event.kind !== undefined));
  });

  it('stops delivering after close(), while publishing still works', async () => {
    const bus = await createRealtimeBus(database);
    const c = collect(bus);
    const b = collect(busB);
    await bus.close();
    await bus.close(); // idempotent
    await bus.publish(ORG, { kind: 'conversation.updated', conversationId: conv(6) });
    await b.waitFor((r) => r.event.kind === 'conversation.updated' && r.event.conversationId === conv(6));
    assert.equal(c.received.length, 0);
  });

  it('reconnects a lost listening connection and tells subscribers to resync (PostgreSQL)', { skip: !process.env.DATABASE_URL }, async () => {
    const b = collect(busB);
    const { rows } = await database.executeSql(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`);
    assert.ok(rows.length >= 2, 'both listening connections were found');
    await b.waitFor((r) => r.event.kind === 'resync' && r.orgId === null);
    await busA.publish(ORG, { kind: 'conversation.updated', conversationId: conv(7) });
    await b.waitFor((r) => r.event.kind === 'conversation.updated' && r.event.conversationId === conv(7));
  });
});
