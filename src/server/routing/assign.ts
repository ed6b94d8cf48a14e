// Where a routed conversation lands: the queue (team) for its target, then the person in it. Skills
// (topics, languages) first, then free capacity, then round-robin (least recently assigned). Team rows are
// locked for the transaction so two conversations routed at once cannot both take a person's last slot.
import { and, asc, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { conversations, teams, users } from '../db/schema/index.ts';
import { CORE_ROLES } from '../accounts/roles.ts';
import type { FiredRule } from './record-routing-decision.ts';
import type { RouteDecision } from './routing.types.ts';

export type Placement = {
  level: 1 | 2 | 3;
  teamId: string | null;
  assigneeId: string | null;
  unrouted: boolean;
  /** What assignment did, in words, appended to the fired rules. */
  notes: FiredRule[];
};

export type Needs = { intent: string | null; language: string | null; confidential: boolean };

/** An empty list takes anything; an unknown value matches only such a list. */
export const fits = (list: string[], value: string | null) => list.length === 0 || (value !== null && list.includes(value));

const OPEN_STATUSES = ['open', 'pending'] as const;

export async function placeConversation(tx: Db, orgId: string, decision: Pick<RouteDecision, 'level' | 'teamId' | 'passUp'>, needs: Needs): Promise<Placement> {
  const allTeams = await tx.select().from(teams).where(eq(teams.orgId, orgId)).orderBy(asc(teams.createdAt), asc(teams.id));
  const placed = await placeAt(tx, orgId, allTeams, decision.teamId ? 'team' : decision.level === 2 ? 2 : 3, decision.teamId, needs);
  if (placed.unrouted && decision.level === 2 && decision.passUp && !decision.teamId) {
    const up = await placeAt(tx, orgId, allTeams, 3, null, needs);
    return { ...up, notes: [{ id: null, name: 'pyramid: passed up to the core team', reason: `no community expert queue takes ${describeNeeds(needs)}` }, ...up.notes] };
  }
  return placed;
}

const describeNeeds = (n: Needs) => `${n.intent ? `topic ${n.intent}` : 'an unknown topic'} in ${n.language ?? 'an unknown language'}`;

type TeamRow = typeof teams.$inferSelect;

async function placeAt(tx: Db, orgId: string, allTeams: TeamRow[], at: 2 | 3 | 'team', teamId: string | null, needs: Needs): Promise<Placement> {
  const byId = new Map(allTeams.map((t) => [t.id, t]));
  const allowed = (t: TeamRow) => !needs.confidential || (t.providerOrgId === null && t.level !== 2);
  let candidates: TeamRow[];
  if (at === 'team') candidates = [byId.get(teamId!)].filter((t): t is TeamRow => t !== undefined);
  else {
    const specificity = (t: TeamRow) => (t.skills.length > 0 ? 2 : 0) + (t.languages.length > 0 ? 1 : 0);
    candidates = allTeams.filter((t) => t.level === at && t.providerOrgId === null)
      // Expert queues are chosen by topic and language; the core team takes everything, preferring a matching queue.
      .filter((t) => at === 3 || (fits(t.skills, needs.intent) && fits(t.languages, needs.language)))
      .sort((a, b) => rank(b) - rank(a));
    function rank(t: TeamRow) { return fits(t.skills, needs.intent) && fits(t.languages, needs.language) ? 10 + specificity(t) : 0; }
  }
  // Each candidate, then its fallbacks, once each (a loop in old data must not hang routing).
  const chain: TeamRow[] = [];
  const seen = new Set<string>();
  for (const first of candidates) {
    for (let t: TeamRow | undefined = first; t && !seen.has(t.id); t = t.fallbackTeamId ? byId.get(t.fallbackTeamId) : undefined) {
      seen.add(t.id);
      if (allowed(t)) chain.push(t);
    }
  }
  const level = (t: TeamRow): 2 | 3 => (t.level === 2 ? 2 : 3);
  const target = at === 'team' ? (candidates[0] ? level(candidates[0]) : 3) : at;
  if (chain.length === 0) return { level: target, teamId: null, assigneeId: null, unrouted: true, notes: [{ id: null, name: 'assignment: no eligible queue', reason: noQueueReason(at, candidates, needs) }] };

  // Locked in one order (by id) whatever the chain's order, so concurrent routings cannot deadlock.
  await tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, chain.map((t) => t.id))).orderBy(asc(teams.id)).for('update');
  const people = await eligiblePeople(tx, orgId, chain.map((t) => t.id), needs);
  let waitingIn: TeamRow | null = null;
  for (const team of chain) {
    const members = people.filter((p) => p.teamId === team.id);
    if (members.length === 0) continue;
    waitingIn ??= team;
    const free = members.filter((p) => p.load < p.capacity);
    if (free.length === 0) continue;
    const chosen = free[0]!; // already in round-robin order
    await tx.update(users).set({ lastAssignedAt: new Date() }).where(eq(users.id, chosen.id));
    const via = team.id === chain[0]!.id ? [] : [{ id: null, name: 'assignment: fallback team', reason: `no one free in ${chain[0]!.name}: fell back to ${team.name}` }];
    return {
      level: level(team), teamId: team.id, assigneeId: chosen.id, unrouted: false,
      notes: [...via, { id: null, name: 'assignment: round-robin', reason: `${chosen.name} in ${team.name}: ${chosen.load}/${chosen.capacity} open conversations, least recently assigned among ${free.length} free` }],
    };
  }
  if (waitingIn) {
    return { level: level(waitingIn), teamId: waitingIn.id, assigneeId: null, unrouted: false,
      notes: [{ id: null, name: 'assignment: waiting in queue', reason: `everyone who can take it in ${waitingIn.name} is at capacity: the first one free picks it` }] };
  }
  return { level: target, teamId: null, assigneeId: null, unrouted: true,
    notes: [{ id: null, name: 'assignment: no eligible person', reason: `no active member of ${chain.map((t) => t.name).join(', ')} handles ${describeNeeds(needs)}` }] };
}

function noQueueReason(at: 2 | 3 | 'team', candidates: TeamRow[], needs: Needs): string {
  if (at === 'team') return candidates.length === 0 ? 'the team named by the rule no longer exists' : `team ${candidates[0]!.name} (and its fallbacks) may not take a confidential topic`;
  return at === 2 ? `no community expert queue takes ${describeNeeds(needs)}` : 'the organization has no core team queue (a level-3 team without a provider)';
}

export type Person = { id: string; name: string; teamId: string | null; capacity: number; load: number; lastAssignedAt: Date | null };

/** Active members of these teams who handle the topic and language, with their open load, in round-robin order. */
export async function eligiblePeople(tx: Db, orgId: string, teamIds: string[], needs: Needs): Promise<Person[]> {
  if (teamIds.length === 0) return [];
  // Members and their open load in one round trip (a count per member, on the assignee index): assignment
  // runs on every routed message.
  // Spelled out: inside a selected expression Drizzle leaves column names unqualified, and "id" would be the conversation's.
  const load = sql<number>`(SELECT count(*) FROM conversations c WHERE c.org_id = ${orgId} AND c.assignee_id = "users"."id" AND c.status IN ('open', 'pending'))`;
  const members = await tx.select({ id: users.id, name: users.name, role: users.role, teamId: users.teamId, topics: users.topics, languages: users.languages, capacity: users.capacity, lastAssignedAt: users.lastAssignedAt, load })
    .from(users).where(and(eq(users.orgId, orgId), inArray(users.teamId, teamIds), isNull(users.disabledAt), ne(users.role, 'bot')));
  return members.filter((m) => fits(m.topics, needs.intent) && fits(m.languages, needs.language) && (!needs.confidential || CORE_ROLES.includes(m.role)))
    .map((m) => ({ id: m.id, name: m.name, teamId: m.teamId, capacity: m.capacity, load: Number(m.load ?? 0), lastAssignedAt: m.lastAssignedAt }))
    .sort((a, b) => (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) || a.id.localeCompare(b.id));
}

export async function openLoads(tx: Db, orgId: string, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx.select({ id: conversations.assigneeId, n: count() }).from(conversations)
    .where(and(eq(conversations.orgId, orgId), inArray(conversations.assigneeId, userIds), inArray(conversations.status, [...OPEN_STATUSES])))
    .groupBy(conversations.assigneeId);
  return new Map(rows.map((r) => [r.id!, Number(r.n)]));
}
