import { and, desc, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { channels, contacts, conversations, messages, teams, triageCorrections, users, type ChannelType, type Severity } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { recordEvent, type Actor } from '../audit/record-event.ts';
import { afterCursor, newestFirst } from '../http/keyset.ts';
import { publishRealtime } from '../realtime/publish-realtime.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { presentConversation, type ConversationRow } from './conversations.presenter.ts';
import { applySlaTargets } from '../sla/apply-sla-targets.ts';
import { conversationScope, seesEverything, systemCaller, type Caller } from '../access/conversation-scope.ts';
import { redactionFor } from '../access/redaction.ts';
import { awardAcceptedAnswer } from '../experts/reputation.ts';

export type ConversationFilters = {
  status?: 'open' | 'pending' | 'resolved' | 'closed' | undefined;
  level?: number | undefined;
  severity?: Severity | undefined;
  channelId?: string | undefined;
  channelType?: ChannelType | undefined;
  assigneeId?: string | 'none' | undefined;
  teamId?: string | undefined;
  language?: string | undefined;
  intent?: string | undefined;
  contactId?: string | undefined;
  /** From the SLA sweeper's marks: ok (neither), warning (warned, not breached), breached. */
  slaState?: 'ok' | 'warning' | 'breached' | undefined;
  cursor?: string | undefined;
  limit: number;
};

type ConversationBase = typeof conversations.$inferSelect;

/**
 * Adds each conversation's channel and contact names. Done as lookups on the page's rows rather than a
 * join in the listing query: with a join, PostgreSQL may sort the whole tenant instead of walking the index.
 */
async function withChannelAndContact(db: Db, rows: ConversationBase[]): Promise<ConversationRow[]> {
  if (rows.length === 0) return [];
  const [channelRows, contactRows] = await Promise.all([
    db.select({ id: channels.id, type: channels.type, name: channels.name }).from(channels)
      .where(inArray(channels.id, [...new Set(rows.map((r) => r.channelId))])),
    db.select({ id: contacts.id, name: contacts.name }).from(contacts)
      .where(inArray(contacts.id, [...new Set(rows.map((r) => r.contactId))])),
  ]);
  const channelById = new Map(channelRows.map((c) => [c.id, c]));
  const contactName = new Map(contactRows.map((c) => [c.id, c.name]));
  return rows.map((r) => {
    const channel = channelById.get(r.channelId)!;
    return { ...r, channelType: channel.type, channelName: channel.name, contactName: contactName.get(r.contactId) ?? null };
  });
}

/** The conversations this caller may see (access/conversation-scope.ts), filtered, most recent activity first. */
export async function listConversations(db: Db, caller: Caller, f: ConversationFilters) {
  const c = conversations;
  const { orgId } = caller;
  const channelsOfType = f.channelType
    ? db.select({ id: channels.id }).from(channels).where(and(eq(channels.orgId, orgId), eq(channels.type, f.channelType)))
    : undefined;
  const conditions: (SQL | undefined)[] = [
    conversationScope(caller),
    f.status ? eq(c.status, f.status) : undefined,
    f.level ? eq(c.level, f.level) : undefined,
    f.severity ? eq(c.severity, f.severity) : undefined,
    f.channelId ? eq(c.channelId, f.channelId) : undefined,
    channelsOfType ? inArray(c.channelId, channelsOfType) : undefined,
    f.assigneeId === 'none' ? isNull(c.assigneeId) : f.assigneeId ? eq(c.assigneeId, f.assigneeId) : undefined,
    f.teamId ? eq(c.teamId, f.teamId) : undefined,
    f.language ? eq(c.language, f.language) : undefined,
    f.intent ? eq(c.intent, f.intent) : undefined,
    f.contactId ? eq(c.contactId, f.contactId) : undefined,
    f.slaState === 'breached' ? isNotNull(c.slaBreachedAt)
      : f.slaState === 'warning' ? and(isNotNull(c.slaWarnedAt), isNull(c.slaBreachedAt))
      : f.slaState === 'ok' ? and(isNull(c.slaWarnedAt), isNull(c.slaBreachedAt)) : undefined,
    afterCursor(c.lastMessageAt, c.id, decodeCursor(f.cursor)),
  ];
  const rows = await db.select().from(c)
    .where(and(...conditions))
    .orderBy(...newestFirst(c.lastMessageAt, c.id))
    .limit(f.limit + 1);
  const redaction = await redactionFor(db, caller);
  return toPage(await withChannelAndContact(db, rows), f.limit, (r) => ({ at: r.lastMessageAt, id: r.id }), (r) => presentConversation(r, redaction));
}

/** One conversation the caller may see; 404 for anything else, another tenant's or out of the caller's scope alike. */
export async function getConversation(db: Db, caller: Caller, id: string): Promise<ConversationRow> {
  const rows = await db.select().from(conversations).where(and(eq(conversations.id, id), conversationScope(caller)));
  const [row] = await withChannelAndContact(db, rows);
  if (!row) throw notFound('conversation');
  return row;
}

export type ConversationPatch = {
  status?: 'open' | 'pending' | 'resolved' | 'closed' | undefined;
  level?: number | undefined;
  severity?: Severity | undefined;
  priority?: number | undefined;
  intent?: string | null | undefined;
  language?: 'fr' | 'en' | undefined;
  assigneeId?: string | null | undefined;
  teamId?: string | null | undefined;
  tags?: string[] | undefined;
  confidential?: boolean | undefined;
};

/**
 * Experts and provider agents may resolve, tag and pick (assign to themselves) what they can see; moving a
 * conversation elsewhere or marking it confidential is the core team's call (escalate asks for it).
 */
function assertMayPatch(caller: Caller, patch: ConversationPatch) {
  if (seesEverything(caller)) return;
  const refused = Object.entries(patch)
    .filter(([k, v]) => v !== undefined && !(k === 'status' || k === 'tags' || (k === 'assigneeId' && v === caller.userId)))
    .map(([k]) => k);
  if (refused.length > 0) throw new AppError('forbidden', `only the core team can change ${refused.join(', ')}`);
}

async function assertBelongs(db: Db, orgId: string, patch: ConversationPatch) {
  if (patch.assigneeId) {
    const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, patch.assigneeId), eq(users.orgId, orgId)));
    if (!u) throw new AppError('validation_failed', 'assigneeId: no such user in this organization');
  }
  if (patch.teamId) {
    const [t] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, patch.teamId), eq(teams.orgId, orgId)));
    if (!t) throw new AppError('validation_failed', 'teamId: no such team in this organization');
  }
}

/** Applies a change and records what changed, from what to what, in the audit log. */
export async function updateConversation(db: Db, caller: Caller, id: string, patch: ConversationPatch, actor: Actor) {
  const { orgId } = caller;
  assertMayPatch(caller, patch);
  await assertBelongs(db, orgId, patch);
  return db.transaction(async (tx) => {
    const before = await getConversation(tx as unknown as Db, caller, id);
    const now = new Date();
    const resolving = patch.status === 'resolved' && before.status !== 'resolved';
    await tx
      .update(conversations)
      .set({
        ...patch,
        resolvedAt: resolving ? now : patch.status && patch.status !== 'resolved' && patch.status !== 'closed' ? null : undefined,
        updatedAt: now,
      })
      .where(and(eq(conversations.id, id), eq(conversations.orgId, orgId)));
    if (patch.severity && patch.severity !== before.severity) await applySlaTargets(tx as unknown as Db, id, { previousSeverity: before.severity, at: now });
    const changes = Object.fromEntries(
      Object.entries(patch)
        .filter(([k, v]) => v !== undefined && JSON.stringify((before as any)[k]) !== JSON.stringify(v))
        .map(([k, v]) => [k, { from: (before as any)[k], to: v }]),
    );
    if (actor.kind === 'user') await recordTriageCorrections(tx, orgId, id, actor.id ?? null, changes);
    if (resolving) await awardAcceptedAnswer(tx as unknown as Db, orgId, id);
    await publishRealtime(tx, orgId, { kind: 'conversation.updated', conversationId: id });
    if (Object.keys(changes).length > 0) {
      await recordEvent(tx as unknown as Db, { orgId, type: 'conversation.updated', actor, subject: { type: 'conversation', id }, data: changes });
    }
    // Read back for the whole tenant: a caller who just released the conversation still gets the answer.
    return getConversation(tx as unknown as Db, systemCaller(orgId), id);
  });
}

/**
 * A person changing the intent or severity is correcting triage: keep the correction, tied to the customer's
 * latest message, so the next training learns from it.
 */
async function recordTriageCorrections(db: Db, orgId: string, conversationId: string, userId: string | null, changes: Record<string, { from: unknown; to: unknown }>) {
  const corrected = (['intent', 'severity', 'language'] as const).filter((field) => changes[field]);
  if (corrected.length === 0) return;
  const [latest] = await db.select({ id: messages.id }).from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'inbound')))
    .orderBy(desc(messages.createdAt)).limit(1);
  await db.insert(triageCorrections).values(corrected.map((field) => ({
    orgId, conversationId, messageId: latest?.id ?? null, field, userId,
    fromValue: changes[field]!.from === null ? null : String(changes[field]!.from),
    toValue: changes[field]!.to === null ? null : String(changes[field]!.to),
  })));
}
