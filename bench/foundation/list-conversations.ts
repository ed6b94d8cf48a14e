// p50/p99 of listing 50 conversations with filters, with 100,000 conversations stored.
// Baseline in the same run: the same listing paged with OFFSET to the same depth, which keyset paging avoids.
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../src/server/testing/test-database.ts';
import { createBrand, createChannel } from '../../src/server/organizations/organizations.service.ts';
import { listConversations, type ConversationFilters } from '../../src/server/conversations/conversations.service.ts';
import { systemCaller } from '../../src/server/access/conversation-scope.ts';
import { summarize, time } from '../stats.ts';

export async function benchListConversations(total = 100_000, iterations = 200) {
  const database = await createTestDatabase();
  try {
    const { db } = database;
    const org = await createBrand(db, { name: 'Bench', slug: `bench-${Date.now()}` });
    const other = await createBrand(db, { name: 'Other', slug: `other-${Date.now()}` });
    const chat = await createChannel(db, org.id, { type: 'chat', name: 'Chat' });
    const email = await createChannel(db, org.id, { type: 'email', name: 'Email' });
    const otherChat = await createChannel(db, other.id, { type: 'chat', name: 'Chat' });
    const [loadMs] = await time(async () => {
      await db.execute(sql`INSERT INTO contacts (org_id, name) SELECT ${org.id}::uuid, 'Client ' || g FROM generate_series(1, 10000) g`);
      await db.execute(sql`INSERT INTO contacts (org_id, name) SELECT ${other.id}::uuid, 'Autre ' || g FROM generate_series(1, 1000) g`);
      // 100k conversations for the measured tenant, plus 10% for another tenant the queries must skip.
      for (const [orgId, count, channelA, channelB] of [[org.id, total, chat.id, email.id], [other.id, total / 10, otherChat.id, otherChat.id]] as const) {
        await db.execute(sql`
          WITH c AS (SELECT id, row_number() OVER () AS n FROM contacts WHERE org_id = ${orgId}::uuid)
          INSERT INTO conversations (org_id, channel_id, contact_id, status, level, severity, language, intent, last_message_at, created_at)
          SELECT ${orgId}::uuid,
                 CASE WHEN g % 3 = 0 THEN ${channelB}::uuid ELSE ${channelA}::uuid END,
                 c.id,
                 (ARRAY['open','pending','resolved','closed'])[1 + g % 4]::conversation_status,
                 1 + g % 3,
                 (ARRAY['normal','normal','normal','complaint','complaint','angry','abusive','crisis'])[1 + g % 8]::severity,
                 CASE WHEN g % 4 = 0 THEN 'en' ELSE 'fr' END,
                 'intent_' || (g % 40),
                 now() - (g || ' seconds')::interval,
                 now() - (g || ' seconds')::interval
          FROM generate_series(1, ${count}) g JOIN c ON c.n = 1 + g % (SELECT count(*) FROM c)`);
      }
      await db.execute(sql`ANALYZE`);
    });

    const filters: Omit<ConversationFilters, 'limit'>[] = [
      {}, { status: 'open' }, { level: 2 }, { severity: 'angry', language: 'fr' }, { channelType: 'email', status: 'pending' },
      { intent: 'intent_7' }, { level: 3, severity: 'crisis' },
    ];
    const keyset: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const f = filters[i % filters.length]!;
      // Go 10 pages deep, the way a person scrolls an inbox, measuring the 10th page.
      let cursor: string | undefined;
      for (let page = 0; page < 9; page++) cursor = (await listConversations(db, systemCaller(org.id), { ...f, limit: 50, cursor })).nextCursor ?? undefined;
      const [ms] = await time(() => listConversations(db, systemCaller(org.id), { ...f, limit: 50, cursor }));
      keyset.push(ms);
    }
    const firstPage: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const [ms] = await time(() => listConversations(db, systemCaller(org.id), { ...filters[i % filters.length]!, limit: 50 }));
      firstPage.push(ms);
    }
    // Baselines: the engine's floor (one trivial round trip), and the 10th page paged with OFFSET instead of a cursor.
    const floor: number[] = [];
    const offset: number[] = [];
    for (let i = 0; i < iterations; i++) {
      floor.push((await time(() => db.execute(sql`SELECT 1`)))[0]);
      offset.push((await time(() => db.execute(sql`
        SELECT c.*, ch.type, ct.name FROM conversations c JOIN channels ch ON ch.id = c.channel_id JOIN contacts ct ON ct.id = c.contact_id
        WHERE c.org_id = ${org.id}::uuid ORDER BY c.last_message_at DESC, c.id DESC LIMIT 50 OFFSET 450`)))[0]);
    }
    return {
      database: database.kind, conversations: total, loadSeconds: Math.round(loadMs / 100) / 10,
      firstPage: summarize(firstPage), tenthPage: summarize(keyset),
      baselineSelect1: summarize(floor), baselineOffsetTenthPageUnfiltered: summarize(offset),
    };
  } finally {
    await database.dispose();
  }
}
