// p50/p99 of each dashboard report with 100,000 conversations (a year of them, with their replies and the
// customers' "that solved it"), for the default range (the last 30 days) and for the whole year.
// Baseline in the same run: the first page of the plain conversation list, the inbox's own query.
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../src/server/testing/test-database.ts';
import { createBrand, createChannel } from '../../src/server/organizations/organizations.service.ts';
import { listConversations } from '../../src/server/conversations/conversations.service.ts';
import { systemCaller } from '../../src/server/access/conversation-scope.ts';
import { resolveRange } from '../../src/server/reports/report-range.ts';
import { volumesReport } from '../../src/server/reports/volumes.ts';
import { pyramidReport } from '../../src/server/reports/pyramid.ts';
import { responseTimesReport } from '../../src/server/reports/response-times.ts';
import { driversReport } from '../../src/server/reports/drivers.ts';
import type { Db } from '../../src/server/db/client.ts';
import { summarize, time } from '../stats.ts';

export async function seedReportData(db: Db, total: number) {
  const org = await createBrand(db, { name: 'Bench', slug: `bench-${Date.now()}` });
  const other = await createBrand(db, { name: 'Other', slug: `other-${Date.now()}` });
  const chat = await createChannel(db, org.id, { type: 'chat', name: 'Chat' });
  const email = await createChannel(db, org.id, { type: 'email', name: 'Email' });
  const x = await createChannel(db, org.id, { type: 'x', name: 'X', isPublic: true });
  const otherChat = await createChannel(db, other.id, { type: 'chat', name: 'Chat' });
  await db.execute(sql`INSERT INTO contacts (org_id, name) SELECT ${org.id}::uuid, 'Client ' || g FROM generate_series(1, 10000) g`);
  await db.execute(sql`INSERT INTO contacts (org_id, name) SELECT ${other.id}::uuid, 'Autre ' || g FROM generate_series(1, 1000) g`);
  // Spread over the past year; another tenant's 10% the queries must skip.
  for (const [orgId, count, channelIds] of [[org.id, total, [chat.id, email.id, x.id]], [other.id, total / 10, [otherChat.id, otherChat.id, otherChat.id]]] as const) {
    await db.execute(sql`
      WITH c AS (SELECT id, row_number() OVER () AS n FROM contacts WHERE org_id = ${orgId}::uuid),
      g AS (SELECT g, now() - make_interval(secs => g * (31536000.0 / ${count})) AS at FROM generate_series(1, ${count}) g)
      INSERT INTO conversations (org_id, channel_id, contact_id, status, level, severity, language, intent, priority,
        first_response_at, resolved_at, first_response_due_at, resolution_due_at, sla_breached_at, last_message_at, created_at)
      SELECT ${orgId}::uuid,
             (ARRAY[${channelIds[0]}::uuid, ${channelIds[1]}::uuid, ${channelIds[2]}::uuid])[1 + g % 3],
             c.id,
             (CASE WHEN g % 10 < 7 THEN 'resolved' ELSE 'open' END)::conversation_status,
             1 + g % 3,
             (ARRAY['normal','normal','normal','complaint','complaint','angry','abusive','crisis'])[1 + g % 8]::severity,
             CASE WHEN g % 4 = 0 THEN 'en' ELSE 'fr' END,
             CASE WHEN g % 17 = 0 THEN NULL ELSE 'intent_' || (g % 40) END,
             1,
             CASE WHEN g % 9 = 0 THEN NULL ELSE at + make_interval(mins => g % 300) END,
             CASE WHEN g % 10 < 7 THEN at + make_interval(mins => 30 + g % 3000) END,
             at + interval '60 minutes', at + interval '1 day',
             CASE WHEN g % 23 = 0 THEN at + interval '61 minutes' END,
             at, at
      FROM g JOIN c ON c.n = 1 + g % (SELECT count(*) FROM c)`);
  }
  // One customer message each, then a reply from whoever the level says (bot and agent for some level 3).
  await db.execute(sql`
    INSERT INTO messages (org_id, conversation_id, channel_id, direction, author_kind, body, created_at)
    SELECT org_id, id, channel_id, 'inbound', 'customer', 'Bonjour', created_at FROM conversations`);
  await db.execute(sql`
    INSERT INTO messages (org_id, conversation_id, channel_id, direction, author_kind, body, created_at)
    SELECT org_id, id, channel_id, 'outbound', (ARRAY['bot','expert','agent'])[level]::author_kind, 'Réponse', first_response_at
    FROM conversations WHERE first_response_at IS NOT NULL`);
  await db.execute(sql`
    INSERT INTO messages (org_id, conversation_id, channel_id, direction, author_kind, body, created_at)
    SELECT org_id, id, channel_id, 'outbound', 'agent', 'Suite', first_response_at + interval '1 hour'
    FROM conversations WHERE first_response_at IS NOT NULL AND level = 3 AND random() < 0.3`);
  await db.execute(sql`
    INSERT INTO events (org_id, type, actor_kind, subject_type, subject_id, created_at)
    SELECT org_id, 'level1.solved', 'contact', 'conversation', id::text, resolved_at
    FROM conversations WHERE level = 1 AND resolved_at IS NOT NULL AND random() < 0.4`);
  await db.execute(sql`ANALYZE`);
  return org.id;
}

export async function benchReports(total = 100_000, iterations = 30) {
  const database = await createTestDatabase();
  try {
    const { db } = database;
    const [loadMs, orgId] = await time(() => seedReportData(db, total));
    const now = new Date();
    const ranges = {
      last30Days: resolveRange({}, 'Europe/Paris', now),
      lastYearByWeek: resolveRange({ from: new Date(now.getTime() - 365 * 86_400_000).toISOString() }, 'Europe/Paris', now),
    };
    type Range = typeof ranges.last30Days;
    const reports: Record<string, (r: Range) => Promise<unknown>> = {
      volumesByIntent: (r) => volumesReport(db, orgId, r, {}, { groupBy: 'intent', top: 10 }),
      volumesByChannelFiltered: (r) => volumesReport(db, orgId, r, { severity: 'complaint' }, { groupBy: 'channel', top: 10 }),
      pyramid: (r) => pyramidReport(db, orgId, r, {}),
      responseTimes: (r) => responseTimesReport(db, orgId, r, {}),
      drivers: (r) => driversReport(db, orgId, r, {}, { limit: 10 }),
    };
    const results: Record<string, Record<string, ReturnType<typeof summarize>>> = {};
    for (const [rangeName, range] of Object.entries(ranges)) {
      results[rangeName] = {};
      for (const [name, run] of Object.entries(reports)) {
        await run(range); // warm-up
        const samples: number[] = [];
        for (let i = 0; i < iterations; i++) samples.push((await time(() => run(range)))[0]);
        results[rangeName][name] = summarize(samples);
      }
    }
    const list: number[] = [];
    for (let i = 0; i < iterations; i++) list.push((await time(() => listConversations(db, systemCaller(orgId), { limit: 50 })))[0]);
    const inRange = await db.execute(sql`SELECT count(*)::int AS n FROM conversations WHERE org_id = ${orgId}::uuid AND created_at >= ${ranges.last30Days.from.toISOString()}::timestamptz`);
    return {
      database: database.kind, conversations: total, loadSeconds: Math.round(loadMs / 100) / 10,
      conversationsInLast30Days: ((inRange as unknown as { rows: { n: number }[] }).rows ?? inRange)[0]?.n,
      ...results,
      baselineListFirstPage: summarize(list),
    };
  } finally {
    await database.dispose();
  }
}
