// People moving conversations: a core-team member re-routes or escalates one (to a level, a team or a
// person), or someone eligible picks one from a queue for themself. Every move is recorded with its note.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { conversations, teams, users } from '../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { publishRealtime } from '../realtime/publish-realtime.ts';
import { CORE_ROLES, MANAGER_ROLES, isCoreTeam, type AuthContext } from '../accounts/roles.ts';
import { fits, openLoads, placeConversation } from './assign.ts';
import { recordRoutingDecision, type FiredRule } from './record-routing-decision.ts';

type Conversation = typeof conversations.$inferSelect;
type Caller = Pick<AuthContext, 'orgId' | 'userId' | 'role'>;
export type RerouteInput = { level?: 2 | 3 | undefined; teamId?: string | undefined; assigneeId?: string | undefined; note: string };

async function lockConversation(tx: Db, orgId: string, id: string): Promise<Conversation> {
  const [c] = await tx.select().from(conversations).where(and(eq(conversations.id, id), eq(conversations.orgId, orgId))).for('update');
  if (!c) throw notFound('conversation');
  return c;
}

const CONFIDENTIAL = 'this conversation is on a confidential topic: only the core team (level 3, no provider) may handle it';

export async function rerouteConversation(db: Db, caller: Caller, id: string, input: RerouteInput) {
  if (input.level === undefined && !input.teamId && !input.assigneeId) throw new AppError('validation_failed', 'say where: level, teamId or assigneeId');
  return move(db, caller, id, async (tx, c) => {
    const { orgId } = caller;
    const assignee = input.assigneeId ? await activeUser(tx, orgId, input.assigneeId, 'assigneeId') : null;
    const teamId = input.teamId ?? assignee?.teamId ?? null;
    const team = teamId ? await teamOf(tx, orgId, teamId) : null;
    if (assignee && input.teamId && assignee.teamId !== input.teamId) throw new AppError('validation_failed', `assigneeId: ${assignee.name} is not a member of team ${team!.name}`);
    const level = (team?.level ?? input.level ?? (assignee?.role === 'expert' ? 2 : 3)) as 2 | 3;
    if (input.level !== undefined && input.level !== level) throw new AppError('validation_failed', `level ${input.level} does not match team ${team?.name ?? ''} (level ${level})`);
    if (c.confidential && (level !== 3 || team?.providerOrgId || (assignee && !CORE_ROLES.includes(assignee.role)))) throw new AppError('validation_failed', CONFIDENTIAL);
    if (assignee) {
      if (assignee.teamId) await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, assignee.teamId)).for('update');
      await tx.update(users).set({ lastAssignedAt: new Date() }).where(eq(users.id, assignee.id));
      return { level, teamId, assigneeId: assignee.id, notes: [] };
    }
    const placed = await placeConversation(tx, orgId, { level, teamId, passUp: false }, { intent: c.intent, language: c.language, confidential: c.confidential });
    if (placed.unrouted && !team) throw new AppError('conflict', `nowhere to send it: ${placed.notes.map((n) => n.reason).join('; ')}`);
    // A queue named by a person stands even with no one free or eligible in it right now.
    return placed.unrouted ? { level, teamId, assigneeId: null, notes: placed.notes } : { level: placed.level as 2 | 3, teamId: placed.teamId, assigneeId: placed.assigneeId, notes: placed.notes };
  }, input.note);
}

/** The caller takes the conversation for themself: in their queue, within their skills and capacity. */
export async function pickConversation(db: Db, caller: Caller, id: string) {
  return move(db, caller, id, async (tx, c) => {
    const me = await activeUser(tx, caller.orgId, caller.userId, 'caller');
    const manager = MANAGER_ROLES.includes(me.role);
    if (c.status === 'resolved' || c.status === 'closed') throw new AppError('conflict', `the conversation is ${c.status}`);
    if (c.assigneeId && c.assigneeId !== me.id) throw new AppError('conflict', 'the conversation is already assigned to someone else: ask a supervisor to re-route it');
    if (c.confidential && !isCoreTeam(me)) throw forbidden(CONFIDENTIAL);
    if (c.teamId) {
      if (c.teamId !== me.teamId && !manager) throw forbidden("the conversation is in another team's queue");
    } else if (c.level === 2 ? !(me.role === 'expert' || isCoreTeam(me)) : !isCoreTeam(me)) {
      throw forbidden(`the level-${c.level} queue is not yours`);
    }
    if (!manager && !(fits(me.topics, c.intent) && fits(me.languages, c.language))) {
      throw forbidden(`outside your skills: ${c.intent ?? 'unknown topic'} in ${c.language ?? 'unknown language'}`);
    }
    // The same lock as automatic assignment, so a pick and a routing cannot both take the last slot.
    if (me.teamId) await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, me.teamId)).for('update');
    else await tx.select({ id: users.id }).from(users).where(eq(users.id, me.id)).for('update');
    const load = (await openLoads(tx, caller.orgId, [me.id])).get(me.id) ?? 0;
    if (c.assigneeId !== me.id && load >= me.capacity) throw new AppError('conflict', `you are at capacity (${load}/${me.capacity} open conversations)`);
    await tx.update(users).set({ lastAssignedAt: new Date() }).where(eq(users.id, me.id));
    const level = (c.teamId ? c.level : Math.max(c.level, me.role === 'expert' ? 2 : 3)) as 2 | 3;
    return { level, teamId: c.teamId ?? me.teamId, assigneeId: me.id, notes: [], picked: true };
  }, 'picked from the queue');
}

type Destination = { level: 2 | 3; teamId: string | null; assigneeId: string | null; notes: FiredRule[]; picked?: boolean };

async function move(db: Db, caller: Caller, id: string, decide: (tx: Db, c: Conversation) => Promise<Destination>, note: string) {
  const result = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const c = await lockConversation(tx, caller.orgId, id);
    const to = await decide(tx, c);
    const [actor] = await tx.select({ name: users.name }).from(users).where(eq(users.id, caller.userId));
    const kind = to.picked ? 'reroute' : to.level > c.level ? 'escalate' : 'reroute';
    const rules: FiredRule[] = [{ id: null, name: to.picked ? `manual: picked by ${actor?.name}` : `manual: ${kind} by ${actor?.name}`, reason: note }, ...to.notes];
    const at = new Date();
    await tx.update(conversations).set({
      level: to.level, teamId: to.teamId, assigneeId: to.assigneeId, unrouted: false, status: c.status === 'pending' ? 'open' : c.status,
      routing: { target: to.teamId ? 'team' : `level${to.level}`, level: to.level, teamId: to.teamId, assigneeId: to.assigneeId, priority: c.priority, fired: rules, at: at.toISOString() },
      updatedAt: at,
    }).where(eq(conversations.id, c.id));
    const decision = await recordRoutingDecision(tx, {
      orgId: caller.orgId, conversationId: c.id, kind, from: { level: c.level, teamId: c.teamId, assigneeId: c.assigneeId },
      to: { level: to.level, teamId: to.teamId, assigneeId: to.assigneeId }, priority: c.priority, rules, actorUserId: caller.userId, note,
    });
    await publishRealtime(tx, caller.orgId, { kind: 'conversation.updated', conversationId: c.id });
    await recordEvent(tx, {
      orgId: caller.orgId, type: to.picked ? 'conversation.picked' : `conversation.${kind}d`, actor: { kind: 'user', id: caller.userId },
      subject: { type: 'conversation', id: c.id }, data: { from: { level: c.level, teamId: c.teamId, assigneeId: c.assigneeId }, to: { level: to.level, teamId: to.teamId, assigneeId: to.assigneeId }, note },
    });
    return { conversationId: c.id, level: to.level, teamId: to.teamId, assigneeId: to.assigneeId, decisionId: decision.id };
  });
  return result;
}

async function activeUser(tx: Db, orgId: string, id: string, field: string) {
  const [u] = await tx.select().from(users).where(and(eq(users.id, id), eq(users.orgId, orgId)));
  if (!u) throw new AppError('validation_failed', `${field}: no such user in this organization`);
  if (u.disabledAt || u.role === 'bot') throw new AppError('validation_failed', `${field}: ${u.name} cannot take conversations (${u.disabledAt ? 'disabled' : 'a bot'})`);
  return u;
}

async function teamOf(tx: Db, orgId: string, id: string) {
  const [t] = await tx.select().from(teams).where(and(eq(teams.id, id), eq(teams.orgId, orgId)));
  if (!t) throw new AppError('validation_failed', 'teamId: no such team in this organization');
  return t;
}
