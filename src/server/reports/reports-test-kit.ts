// A hand-built dataset for the report tests: each conversation written with its exact timeline, so the
// expected figures can be worked out by hand in the tests (not by running the same SQL again).
import type { Db } from '../db/client.ts';
import { contacts, conversations, events, messages, type Severity } from '../db/schema/index.ts';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const at = (iso: string, plusMs = 0) => new Date(new Date(iso).getTime() + plusMs);

export type ConversationSpec = {
  channelId: string;
  createdAt: Date;
  level: 1 | 2 | 3;
  severity?: Severity;
  intent?: string | null;
  language?: string | null;
  teamId?: string | null;
  /** Outbound replies: who, and how long after creation. */
  replies?: { kind: 'bot' | 'expert' | 'agent'; afterMs: number }[];
  resolvedAfterMs?: number;
  firstResponseDueAfterMs?: number | null;
  resolutionDueAt?: Date | null;
  resolutionDueAfterMs?: number | null;
  slaBreached?: boolean;
  /** The customer said the automatic answer solved it (the audit event triage records). */
  saidSolved?: boolean;
};

export async function addConversation(db: Db, orgId: string, spec: ConversationSpec): Promise<string> {
  const [contact] = await db.insert(contacts).values({ orgId, name: 'Client test' }).returning();
  const created = spec.createdAt.getTime();
  const replies = [...(spec.replies ?? [])].sort((a, b) => a.afterMs - b.afterMs);
  const firstReply = replies[0];
  const resolvedAt = spec.resolvedAfterMs !== undefined ? new Date(created + spec.resolvedAfterMs) : null;
  const [row] = await db.insert(conversations).values({
    orgId, channelId: spec.channelId, contactId: contact!.id, level: spec.level, severity: spec.severity ?? 'normal',
    intent: spec.intent === undefined ? null : spec.intent, language: spec.language === undefined ? 'fr' : spec.language,
    teamId: spec.teamId ?? null, status: resolvedAt ? 'resolved' : 'open', createdAt: spec.createdAt, lastMessageAt: spec.createdAt,
    firstResponseAt: firstReply ? new Date(created + firstReply.afterMs) : null,
    resolvedAt,
    firstResponseDueAt: spec.firstResponseDueAfterMs == null ? null : new Date(created + spec.firstResponseDueAfterMs),
    resolutionDueAt: spec.resolutionDueAt ?? (spec.resolutionDueAfterMs == null ? null : new Date(created + spec.resolutionDueAfterMs)),
    slaBreachedAt: spec.slaBreached ? new Date(created + HOUR) : null,
  }).returning({ id: conversations.id });
  const id = row!.id;
  await db.insert(messages).values([
    { orgId, conversationId: id, channelId: spec.channelId, direction: 'inbound' as const, authorKind: 'customer' as const, authorContactId: contact!.id, body: 'Bonjour', createdAt: spec.createdAt },
    ...replies.map((r) => ({
      orgId, conversationId: id, channelId: spec.channelId, direction: 'outbound' as const, authorKind: r.kind, body: 'Réponse', createdAt: new Date(created + r.afterMs),
    })),
  ]);
  if (spec.saidSolved) {
    await db.insert(events).values({ orgId, type: 'level1.solved', actorKind: 'contact', actorId: contact!.id, subjectType: 'conversation', subjectId: id });
  }
  return id;
}
