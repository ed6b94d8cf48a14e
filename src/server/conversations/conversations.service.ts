import { and, eq, getTableColumns, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { channels, contacts, conversations, teams, users, type ChannelType, type Severity } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { recordEvent, type Actor } from '../audit/record-event.ts';
import { afterCursor, newestFirst } from '../http/keyset.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { presentConversation, type ConversationRow } from './conversations.presenter.ts';

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
  cursor?: string | undefined;
  limit: number;
};

function selectConversations(db: Db) {
  return db
    .select({ ...getTableColumns(conversations), channelType: channels.type, channelName: channels.name, contactName: contacts.name })
    .from(conversations)
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId));
}

export async function listConversations(db: Db, orgId: string, f: ConversationFilters) {
  const c = conversations;
  const conditions: (SQL | undefined)[] = [
    eq(c.orgId, orgId),
    f.status ? eq(c.status, f.status) : undefined,
    f.level ? eq(c.level, f.level) : undefined,
    f.severity ? eq(c.severity, f.severity) : undefined,
    f.channelId ? eq(c.channelId, f.channelId) : undefined,
    f.channelType ? eq(channels.type, f.channelType) : undefined,
    f.assigneeId === 'none' ? isNull(c.assigneeId) : f.assigneeId ? eq(c.assigneeId, f.assigneeId) : undefined,
    f.teamId ? eq(c.teamId, f.teamId) : undefined,
    f.language ? eq(c.language, f.language) : undefined,
    f.intent ? eq(c.intent, f.intent) : undefined,
    f.contactId ? eq(c.contactId, f.contactId) : undefined,
    afterCursor(c.lastMessageAt, c.id, decodeCursor(f.cursor)),
  ];
  const rows: ConversationRow[] = await selectConversations(db)
    .where(and(...conditions))
    .orderBy(...newestFirst(c.lastMessageAt, c.id))
    .limit(f.limit + 1);
  return toPage(rows, f.limit, (r) => ({ at: r.lastMessageAt, id: r.id }), presentConversation);
}

export async function getConversation(db: Db, orgId: string, id: string): Promise<ConversationRow> {
  const [row] = await selectConversations(db).where(and(eq(conversations.id, id), eq(conversations.orgId, orgId)));
  if (!row) throw notFound('conversation');
  return row;
}

export type ConversationPatch = {
  status?: 'open' | 'pending' | 'resolved' | 'closed' | undefined;
  level?: number | undefined;
  severity?: Severity | undefined;
  priority?: number | undefined;
  intent?: string | null | undefined;
  assigneeId?: string | null | undefined;
  teamId?: string | null | undefined;
  tags?: string[] | undefined;
};

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
export async function updateConversation(db: Db, orgId: string, id: string, patch: ConversationPatch, actor: Actor) {
  await assertBelongs(db, orgId, patch);
  return db.transaction(async (tx) => {
    const before = await getConversation(tx as unknown as Db, orgId, id);
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
    const changes = Object.fromEntries(
      Object.entries(patch)
        .filter(([k, v]) => v !== undefined && JSON.stringify((before as any)[k]) !== JSON.stringify(v))
        .map(([k, v]) => [k, { from: (before as any)[k], to: v }]),
    );
    if (Object.keys(changes).length > 0) {
      await recordEvent(tx as unknown as Db, { orgId, type: 'conversation.updated', actor, subject: { type: 'conversation', id }, data: changes });
    }
    return getConversation(tx as unknown as Db, orgId, id);
  });
}
