// Durability: SIGKILL the server in the middle of a load, restart it, and count. Every acknowledged message
// must be stored exactly once, and every queued reply must end sent or failed (none stuck, none lost).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { openDatabase } from '../../src/server/db/client.ts';
import { channels, messages, outbox } from '../../src/server/db/schema/index.ts';
import { startHttpRecorder } from '../../src/server/testing/local-receivers.ts';
import { freshPostgresDatabase } from './fresh-postgres.ts';
import { prepareTenant } from './prepare-tenant.ts';
import { startRelais } from './relais-process.ts';
import { generateLoad } from './load-generator.ts';

export async function benchDurability(engine: 'pglite' | 'postgres', concurrency = 32) {
  const secretKey = randomBytes(32).toString('hex');
  const port = 39_900 + Math.floor(Math.random() * 90);
  // The reply receiver fails one call in three: retries must still get every reply out.
  let calls = 0;
  const receiver = await startHttpRecorder(() => ({ status: ++calls % 3 === 0 ? 503 : 200, body: { ok: true } }));
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-crash-'));
  const pg = engine === 'postgres' ? await freshPostgresDatabase() : undefined;
  const where = pg ? { databaseUrl: pg.url } : { dataDir };
  const env = { RELAIS_SECRET_KEY: secretKey, ...(pg ? { DATABASE_URL: pg.url } : { RELAIS_DATA_DIR: dataDir }) };
  try {
    const tenant = await prepareTenant({ ...where, secretKey, port, webhookUrl: receiver.url });
    let server = await startRelais(env, port);
    const target = { url: server.url, ...tenant };
    // Replies queued while the load runs: agents answering the conversations as they arrive.
    const replies: { id: string; conversationId: string }[] = [];
    const load = generateLoad(target, { kind: 'api', seconds: 6, concurrency, prefix: 'crash' });
    const replying = (async () => {
      for (let i = 0; i < 40; i++) {
        await new Promise((r) => setTimeout(r, 60));
        const list = await fetch(`${target.url}/api/conversations?limit=1`, { headers: { authorization: `Bearer ${tenant.token}` } }).then((r) => r.json() as any, () => null);
        const id = list?.items?.[0]?.id;
        if (!id) continue;
        const res = await fetch(`${target.url}/api/conversations/${id}/messages`, {
          method: 'POST', headers: { authorization: `Bearer ${tenant.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ body: `Réponse ${i}` }),
        }).catch(() => null);
        if (res?.status === 201) replies.push({ id: ((await res.json()) as { id: string }).id, conversationId: id });
      }
    })();
    await new Promise((r) => setTimeout(r, 2500));
    await server.kill('SIGKILL');
    const [result] = await Promise.all([load, replying]);
    server = await startRelais(env, port);
    // Let the restarted server drain its outbox (backoff starts at 5 s), watching delivery through the API.
    let pendingReplies = -1;
    for (let waited = 0; waited < 120_000; waited += 1000) {
      let pending = 0;
      for (const reply of replies) {
        const thread = await fetch(`${target.url}/api/conversations/${reply.conversationId}/messages?limit=100`, { headers: { authorization: `Bearer ${tenant.token}` } })
          .then((r) => r.json() as Promise<{ items: { id: string; delivery: { status: string } | null }[] }>);
        const status = thread.items.find((m) => m.id === reply.id)?.delivery?.status;
        if (status !== 'sent' && status !== 'failed') pending++;
      }
      pendingReplies = pending;
      if (pending === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await server.kill();
    // Counted with the server stopped: a PGlite data directory belongs to one process at a time.
    const database = await openDatabase({ ...where, poolSize: 2 });
    const [apiChannel] = await database.db.select().from(channels).where(eq(channels.id, tenant.apiChannelId));
    const stored = await database.db.select({ externalId: messages.externalId }).from(messages)
      .where(and(eq(messages.channelId, apiChannel!.id), eq(messages.direction, 'inbound')));
    const storedIds = new Map<string, number>();
    for (const m of stored) storedIds.set(m.externalId!, (storedIds.get(m.externalId!) ?? 0) + 1);
    const lost = result.acknowledged.filter((id) => !storedIds.has(id));
    const duplicated = [...storedIds.values()].filter((n) => n > 1).length;
    const outcomes = await database.db.select({ status: outbox.status, n: sql<number>`count(*)::int` }).from(outbox)
      .where(eq(outbox.orgId, tenant.orgId)).groupBy(outbox.status);
    await database.close();
    return {
      engine, acknowledgedBeforeKill: result.acknowledged.length, sentIncludingRefused: result.sent,
      storedInbound: stored.length, acknowledgedButLost: lost.length, storedTwice: duplicated,
      repliesAcknowledged: replies.length, replyOutcomes: Object.fromEntries(outcomes.map((o) => [o.status, Number(o.n)])),
      repliesStillPending: pendingReplies, webhookCalls: calls,
    };
  } finally {
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (pg) await pg.drop().catch(() => {});
  }
}
