import { z } from 'zod';
import { CHANNEL_TYPES, CONVERSATION_STATUSES, SEVERITIES } from '../db/schema/index.ts';
import type { conversations } from '../db/schema/index.ts';
import type { Redaction } from '../access/redaction.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const conversationSchema = z.object({
  id: z.uuid(),
  channel: z.object({ id: z.uuid(), type: z.enum(CHANNEL_TYPES), name: z.string() }),
  contact: z.object({ id: z.uuid(), name: z.string().nullable() }),
  subject: z.string().nullable(),
  status: z.enum(CONVERSATION_STATUSES),
  level: z.number().int(),
  severity: z.enum(SEVERITIES),
  intent: z.string().nullable(),
  intentConfidence: z.number().nullable(),
  language: z.string().nullable(),
  priority: z.number().int(),
  assigneeId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  visibility: z.enum(['public', 'private']),
  tags: z.array(z.string()),
  /** Only the core team sees (and handles) confidential conversations. */
  confidential: z.boolean(),
  /** No eligible queue or agent: waiting in the visible unrouted queue for a supervisor. */
  unrouted: z.boolean(),
  /** The latest routing decision: "why is this here?" (history: GET /conversations/{id}/routing). */
  routing: z.object({
    target: z.string(), level: z.number().int(), teamId: z.uuid().nullable(), priority: z.number().int(),
    fired: z.array(z.object({ name: z.string(), reason: z.string() })), at: z.string(),
  }).nullable(),
  slaWarnedAt: z.string().nullable(),
  slaBreachedAt: z.string().nullable(),
  firstResponseDueAt: z.string().nullable(),
  resolutionDueAt: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  lastMessageAt: z.string(),
  createdAt: z.string(),
});
export type ConversationDto = z.infer<typeof conversationSchema>;

export type ConversationRow = typeof conversations.$inferSelect & {
  channelType: (typeof CHANNEL_TYPES)[number];
  channelName: string;
  contactName: string | null;
};

type StoredRouting = { target: string; level: number; teamId: string | null; priority: number; fired: { name: string; reason: string }[]; at: string };

function presentRouting(raw: unknown, redaction: Redaction | null): ConversationDto['routing'] {
  const r = raw as StoredRouting | null;
  if (!r || !Array.isArray(r.fired)) return null;
  const text = (s: string) => (redaction ? redaction.text(s) : s);
  return {
    target: r.target, level: r.level, teamId: r.teamId ?? null, priority: r.priority, at: r.at,
    fired: r.fired.map((f) => ({ name: text(f.name), reason: text(f.reason) })),
  };
}

/** With a redaction (community experts), the subject is masked and the contact shown by first name only. */
export function presentConversation(c: ConversationRow, redaction: Redaction | null = null): ConversationDto {
  return {
    id: c.id,
    channel: { id: c.channelId, type: c.channelType, name: c.channelName },
    contact: { id: c.contactId, name: redaction ? redaction.personName(c.contactName) : c.contactName },
    subject: redaction ? redaction.nullable(c.subject) : c.subject, status: c.status, level: c.level, severity: c.severity, intent: c.intent,
    intentConfidence: c.intentConfidence, language: c.language, priority: c.priority,
    assigneeId: c.assigneeId, teamId: c.teamId, visibility: c.visibility, tags: c.tags, confidential: c.confidential,
    unrouted: c.unrouted, routing: presentRouting(c.routing, redaction),
    slaWarnedAt: iso(c.slaWarnedAt), slaBreachedAt: iso(c.slaBreachedAt),
    firstResponseDueAt: iso(c.firstResponseDueAt), resolutionDueAt: iso(c.resolutionDueAt),
    firstResponseAt: iso(c.firstResponseAt), resolvedAt: iso(c.resolvedAt),
    lastMessageAt: c.lastMessageAt.toISOString(), createdAt: c.createdAt.toISOString(),
  };
}
