// Routing decisions per second and p99 per decision: the pure decision on 100,000 triaged messages against
// an organization with 200 rules, and the full path (decision + assignment + storing, in a transaction) on a
// sample on PGlite and PostgreSQL. Baseline in the same run: the same messages with the preset only.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.ts';
import { conversations, routingRules, teams, users } from '../../src/server/db/schema/index.ts';
import { createTestDatabase } from '../../src/server/testing/test-database.ts';
import { createBrand, createChannel, createTeam } from '../../src/server/organizations/organizations.service.ts';
import { compileRouting } from '../../src/server/routing/compile-rules.ts';
import { decideRoute } from '../../src/server/routing/decide-route.ts';
import { applyRoute, planRoute } from '../../src/server/routing/route-conversation.ts';
import type { RoutingRule } from '../../src/server/routing/rule-schema.ts';
import type { RouteInput, TeamInfo } from '../../src/server/routing/routing.types.ts';
import type { TriageResult } from '../../src/server/triage/triage.types.ts';
import { summarize } from '../stats.ts';
import { generateMessages, generateRules, INTENTS } from './routing-workload.ts';

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const FAKE_TEAMS: TeamInfo[] = Array.from({ length: 7 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, name: `Team ${i}`, level: i < 4 ? 2 : 3, providerOrgId: null, fallbackTeamId: null,
}));

function pure(messages: RouteInput[], rules: RoutingRule[]) {
  const compiled = compileRouting({ preset: 'all2c', confidentialTopics: ['intent_79'], rules: rules.map((r, i) => ({ ...r, id: `r${i}` })), teams: FAKE_TEAMS });
  for (let i = 0; i < 2_000; i++) decideRoute(messages[i % messages.length]!, compiled); // warm-up
  const samples = new Array<number>(messages.length);
  const t0 = performance.now();
  for (let i = 0; i < messages.length; i++) {
    const t = performance.now();
    decideRoute(messages[i]!, compiled);
    samples[i] = (performance.now() - t) * 1000; // µs

  }
  const seconds = (performance.now() - t0) / 1000;
  const targets: Record<string, number> = {};
  for (const m of messages) { const d = decideRoute(m, compiled); targets[d.target] = (targets[d.target] ?? 0) + 1; }
  const byCustomRule = messages.filter((m) => decideRoute(m, compiled).fired.some((f) => f.id !== null)).length;
  return { decisionsPerSecond: Math.round(messages.length / seconds), perDecisionUs: summarize(samples), targets, decidedByCustomRule: byCustomRule };
}


/** An organization with queues and people like a mid-size brand's: 4 expert queues, 3 core queues, 40 people. */
async function prepareOrg(db: Db, label: string, rules: RoutingRule[], sample: number) {
  const org = await createBrand(db, { name: label, slug: `${label}-${Date.now()}` });
  const channel = await createChannel(db, org.id, { type: 'chat', name: 'Chat' });
  const made: TeamInfo[] = [];
  for (let i = 0; i < 7; i++) {
    const team = await createTeam(db, org.id, { name: `Team ${i}`, level: i < 4 ? 2 : 3, skills: i < 2 ? INTENTS.slice(i * 20, i * 20 + 20) : [] });
    made.push({ id: team.id, name: team.name, level: team.level, providerOrgId: null, fallbackTeamId: null });
  }
  await db.update(teams).set({ languages: ['fr'] }).where(eq(teams.id, made[0]!.id));
  await db.insert(users).values(Array.from({ length: 40 }, (_, i) => ({
    orgId: org.id, email: `${label}.${i}.${Date.now()}@bench.test`, name: `Person ${i}`, role: i % 7 < 4 ? 'expert' as const : 'agent' as const,
    teamId: made[i % 7]!.id, capacity: 1_000, languages: i % 5 === 0 ? ['en'] : [],
  })));
  if (rules.length > 0) {
    // The same rules as the pure benchmark, pointing at this organization's teams (same order).
    const real = new Map(FAKE_TEAMS.map((t, i) => [t.id, made[i]!.id]));
    await db.insert(routingRules).values(rules.map((r) => ({
      orgId: org.id, name: r.name, position: r.position, enabled: true, conditions: r.conditions,
      action: r.action.teamId ? { ...r.action, teamId: real.get(r.action.teamId)! } : r.action,
    })));
  }
  await db.execute(sql`INSERT INTO contacts (org_id, name, segment) SELECT ${org.id}::uuid, 'Client ' || g, (ARRAY[NULL,'vip','pro','student'])[1 + g % 4] FROM generate_series(1, ${sample}) g`);
  await db.execute(sql`
    WITH c AS (SELECT id, row_number() OVER () AS n FROM contacts WHERE org_id = ${org.id}::uuid)
    INSERT INTO conversations (org_id, channel_id, contact_id) SELECT ${org.id}::uuid, ${channel.id}::uuid, c.id FROM c`);
  await db.execute(sql`ANALYZE`);
  const rows = await db.select().from(conversations).where(eq(conversations.orgId, org.id));
  return { orgId: org.id, conversations: rows };
}

async function fullPath(engine: 'pglite' | 'postgres', messages: RouteInput[], rules: RoutingRule[], sample: number) {
  const saved = process.env.DATABASE_URL;
  if (engine === 'postgres') process.env.DATABASE_URL = PG_URL; else delete process.env.DATABASE_URL;
  const database = await createTestDatabase();
  if (saved === undefined) delete process.env.DATABASE_URL; else process.env.DATABASE_URL = saved;
  try {
    const { db } = database;
    // The floor: what one round trip and one empty transaction cost on this engine right now.
    const floor: number[] = [];
    const emptyTx: number[] = [];
    for (let i = 0; i < 200; i++) {
      let t = performance.now();
      await db.execute(sql`SELECT 1`);
      floor.push(performance.now() - t);
      t = performance.now();
      await db.transaction(async (tx) => { await tx.execute(sql`SELECT 1`); });
      emptyTx.push(performance.now() - t);
    }
    const result: Record<string, unknown> = { baselineSelect1Ms: summarize(floor), baselineEmptyTransactionMs: summarize(emptyTx) };
    for (const [name, withRules] of [['presetOnly', []], ['with200Rules', rules]] as [string, RoutingRule[]][]) {
      const org = await prepareOrg(db, `${engine}-${name}`.toLowerCase(), withRules, sample);
      const samples: number[] = [];
      const planMs: number[] = [];
      let unrouted = 0;
      const t0 = performance.now();
      for (let i = 0; i < org.conversations.length; i++) {
        const conversation = org.conversations[i]!;
        const m = messages[i]!;
        const t = performance.now();
        const decision = await planRoute(db, org.orgId, m.triage as TriageResult, { contactId: conversation.contactId, channelType: m.channelType, isPublic: m.visibility === 'public' });
        planMs.push(performance.now() - t);
        const applied = await db.transaction((tx) => applyRoute(tx as unknown as Db, { orgId: org.orgId, conversation, messageId: null, decision, triage: m.triage }));
        samples.push(performance.now() - t);
        if (applied.placement.unrouted) unrouted++;
      }
      const seconds = (performance.now() - t0) / 1000;
      result[name] = { decisionsPerSecond: Math.round(org.conversations.length / seconds), perDecisionMs: summarize(samples), planOnlyMs: summarize(planMs), unrouted };
    }
    return result;
  } finally {
    await database.dispose();
  }
}

export async function benchRouting(total = 100_000, sample = Number(process.env.ROUTING_BENCH_SAMPLE ?? 2_000)) {
  const messages = generateMessages(total);
  const t = performance.now();
  const rules = generateRules(200, FAKE_TEAMS);
  const generationSeconds = Math.round((performance.now() - t) / 100) / 10;
  return {
    messages: total, rules: rules.length, ruleGenerationSeconds: generationSeconds,
    pure: { presetOnly: pure(messages, []), with200Rules: pure(messages, rules) },
    fullPathSample: sample,
    pglite: await fullPath('pglite', messages, rules, sample),
    postgres: await fullPath('postgres', messages, rules, sample),
  };
}
