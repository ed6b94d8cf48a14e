// Latency of searchKnowledge on a fresh test database (PGlite, or PostgreSQL when DATABASE_URL is set):
//   node --import tsx src/server/knowledge/search/measure-search-latency.ts [--articles 200] [--conversations 2000] [--queries 200] [--keep]
// Content comes from the demo brands, with their slots filled and some words misspelled on purpose.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/client.ts';
import { articles, conversations, messages } from '../../db/schema/index.ts';
import { railArticles } from '../../demo/rail-articles.ts';
import { shopArticles } from '../../demo/shop-articles.ts';
import { railTopics } from '../../demo/rail-topics.ts';
import { shopTopics } from '../../demo/shop-topics.ts';
import { createTestDatabase } from '../../testing/test-database.ts';
import { searchKnowledge } from './search-knowledge.ts';
import { createRng } from '../../demo/demo-random.ts';
import { createSearchTenant, type SearchTenant } from './search-test-data.ts';
import type { SearchLanguage } from './search-types.ts';

const { values: args } = parseArgs({
  options: { articles: { type: 'string', default: '200' }, conversations: { type: 'string', default: '2000' }, queries: { type: 'string', default: '200' },
    /** PostgreSQL only: leave the database behind (its URL is printed) to EXPLAIN queries on it. */
    keep: { type: 'boolean', default: false } },
});

// The same data and queries on every run and both engines.
const random = createRng(42);
const SLOTS = ['Nice', 'Cannes', 'Menton', 'Grasse', '8h12', '35', 'hier', 'QXKZPD', '24,50 €', 'la veste', 'M', 'Colissimo'];
const fill = (text: string) => text.replace(/\{[a-z0-9]+\}/gi, () => random.pick(SLOTS));
const langs: SearchLanguage[] = ['fr', 'en'];
const topics = [...railTopics, ...shopTopics];
const seeds = [...railArticles, ...shopArticles];

/** Drops one letter of the longest word: "remboursement" → "rembousement". */
function misspell(text: string): string {
  const longest = [...text.matchAll(/\p{L}{7,}/gu)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0];
  if (!longest) return text;
  const at = 2 + Math.floor(random.next() * (longest.length - 3));
  return text.replace(longest, longest.slice(0, at) + longest.slice(at + 1));
}

async function seed(db: Db, tenant: SearchTenant, articleCount: number, conversationCount: number) {
  const articleRows = Array.from({ length: articleCount }, (_, i) => {
    const s = seeds[i % seeds.length]!;
    const round = Math.floor(i / seeds.length);
    return {
      orgId: tenant.orgId, slug: `${s.slug}-${i}`, language: s.language, title: round ? `${s.title} (${round + 1})` : s.title,
      body: s.body, status: i % 10 === 9 ? ('draft' as const) : ('published' as const),
    };
  });
  for (let i = 0; i < articleRows.length; i += 200) await db.insert(articles).values(articleRows.slice(i, i + 200));
  // Resolved and closed conversations, plus a quarter as many still open (searched, then filtered out).
  const total = Math.round(conversationCount * 1.25);
  for (let start = 0; start < total; start += 500) {
    const batch = Array.from({ length: Math.min(500, total - start) }, (_, k) => {
      const topic = random.pick(topics);
      const language = random.next() < 0.75 ? 'fr' : 'en';
      const open = start + k >= conversationCount;
      const thread = random.pick(topic.cases[language]);
      return { topic, thread, language, status: open ? 'open' : random.next() < 0.7 ? 'resolved' : 'closed' } as const;
    });
    const convs = await db.insert(conversations).values(batch.map((b) => ({
      orgId: tenant.orgId, channelId: tenant.channelId, contactId: tenant.contactId, language: b.language, status: b.status,
      subject: fill(random.pick(b.topic.subjects[b.language])),
    }))).returning({ id: conversations.id });
    const base = { orgId: tenant.orgId, channelId: tenant.channelId };
    await db.insert(messages).values(batch.flatMap((b, k) => [
      { ...base, conversationId: convs[k]!.id, direction: 'inbound' as const, authorKind: 'customer' as const, body: fill(b.thread.ask) },
      { ...base, conversationId: convs[k]!.id, direction: 'outbound' as const, authorKind: random.next() < 0.8 ? 'agent' as const : 'expert' as const, body: fill(b.thread.answer) },
    ]));
  }
}

function makeQueries(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const language = random.pick(langs);
    const kind = i % 4;
    const text = kind === 3
      ? random.pick(seeds.filter((s) => s.language === language)).title.split(/\s+/).slice(0, 3).join(' ')
      : fill(random.pick(random.pick(topics).cases[language]).ask);
    return { text: kind === 2 ? misspell(text) : text, language: i % 2 === 0 ? language : undefined };
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

const database = await createTestDatabase();
try {
  const tenant = await createSearchTenant(database.db, 'latency');
  const seededAt = performance.now();
  await seed(database.db, tenant, Number(args.articles), Number(args.conversations));
  const seedSeconds = (performance.now() - seededAt) / 1000;
  const queries = makeQueries(Number(args.queries));
  for (const q of queries.slice(0, 20)) await searchKnowledge(database.db, tenant.orgId, q); // warm-up
  const times: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const t0 = performance.now();
    hits += (await searchKnowledge(database.db, tenant.orgId, q)).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ms = (x: number) => Math.round(x * 10) / 10;
  console.log(JSON.stringify({
    engine: database.kind, articles: Number(args.articles), conversations: Math.round(Number(args.conversations) * 1.25),
    resolved: Number(args.conversations), queries: queries.length, seedSeconds: ms(seedSeconds), avgHits: ms(hits / queries.length),
    medianMs: ms(percentile(times, 0.5)), p90Ms: ms(percentile(times, 0.9)), p99Ms: ms(percentile(times, 0.99)), maxMs: ms(times.at(-1)!),
  }));
} finally {
  if (args.keep && database.url) {
    console.log(`kept ${database.url}`);
    await database.close();
  } else {
    await database.dispose();
  }
}
