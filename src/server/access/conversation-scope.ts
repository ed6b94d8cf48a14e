// Which conversations a caller may see, as one SQL condition that every conversation read applies
// (getConversation and listConversations; messages, notes, suggestions and the routes built on them go
// through getConversation). A conversation outside the scope is "not found": its existence is not confirmed.
//
//   core team (admin, supervisor, agent, bot) and internal callers: the whole tenant, confidential included;
//   community experts: non-confidential level-2 conversations of their team's queue or of no team, plus those
//     assigned to them;
//   provider agents: non-confidential conversations of their team, plus those assigned to them.
//
// Confidential means the flag set by routing or a core user, or an intent listed in the organization's
// `pyramid.confidentialTopics` (checked here too, so a conversation triaged before routing set the flag
// never slips through).
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { conversations, type Role } from '../db/schema/index.ts';
import { CORE_ROLES } from '../accounts/roles.ts';

/**
 * Who is asking. An AuthContext is a Caller; jobs and other internal readers use systemCaller(orgId).
 */
export type Caller = { orgId: string; userId: string | null; role: Role | 'system'; teamId: string | null };

/** For background work (jobs, triage, routing) that acts for the organization itself, not for a person. */
export const systemCaller = (orgId: string): Caller => ({ orgId, userId: null, role: 'system', teamId: null });

/** The core team and internal callers see and handle everything, confidential topics included. */
export const seesEverything = (caller: Pick<Caller, 'role'>) =>
  caller.role === 'system' || CORE_ROLES.includes(caller.role);

// Written with table-qualified names: the condition is also used in subqueries and joins.
const confidentialTopic = sql`EXISTS (
  SELECT 1 FROM organizations o,
    jsonb_array_elements_text(CASE WHEN jsonb_typeof(o.settings #> '{pyramid,confidentialTopics}') = 'array'
      THEN o.settings #> '{pyramid,confidentialTopics}' ELSE '[]'::jsonb END) AS topic(name)
  WHERE o.id = "conversations"."org_id" AND topic.name = "conversations"."intent")`;

/** Not confidential: neither flagged nor about one of the organization's confidential topics. */
export const notConfidential: SQL = and(eq(conversations.confidential, false), sql`NOT ${confidentialTopic}`)!;

const nothing = sql`false`;

/** The condition on `conversations` for this caller (tenant included). */
export function conversationScope(caller: Caller): SQL {
  const c = conversations;
  const tenant = eq(c.orgId, caller.orgId);
  if (seesEverything(caller)) return tenant;
  const assignedToMe = caller.userId ? eq(c.assigneeId, caller.userId) : nothing;
  if (caller.role === 'expert') {
    const teamQueue = caller.teamId ? or(eq(c.teamId, caller.teamId), isNull(c.teamId))! : isNull(c.teamId);
    return and(tenant, notConfidential, or(and(eq(c.level, 2), teamQueue), assignedToMe))!;
  }
  if (caller.role === 'provider_agent') {
    const teamQueue = caller.teamId ? eq(c.teamId, caller.teamId) : nothing;
    return and(tenant, notConfidential, or(teamQueue, assignedToMe))!;
  }
  return nothing; // a role this file does not know sees nothing
}

/**
 * Of these conversations, the ones whose content this caller may read as help (suggestions' past answers):
 * the core team reads all; others read non-confidential ones, masked by their redaction.
 */
export async function readableAsKnowledge(db: Db, caller: Caller, ids: string[]): Promise<Set<string>> {
  if (seesEverything(caller) || ids.length === 0) return new Set(ids);
  const rows = await db.select({ id: conversations.id }).from(conversations)
    .where(and(eq(conversations.orgId, caller.orgId), inArray(conversations.id, ids), notConfidential));
  return new Set(rows.map((r) => r.id));
}

/** Whether the caller may see this conversation right now (realtime events are checked one by one with it). */
export async function isInScope(db: Db, caller: Caller, conversationId: string): Promise<boolean> {
  const [row] = await db.select({ id: conversations.id }).from(conversations)
    .where(and(eq(conversations.id, conversationId), conversationScope(caller)));
  return row !== undefined;
}
