import type { Db } from '../db/client.ts';
import { conversations, messages, type Severity } from '../db/schema/index.ts';
import type { Attachment } from '../db/schema/index.ts';

export type OpenConversationInput = {
  channelId: string;
  contactId: string;
  subject?: string | null;
  body: string;
  externalId?: string | null;
  attachments?: Attachment[];
  at?: Date;
  visibility?: 'public' | 'private';
  // Attributes known up front (imports, demo data); live traffic gets them from triage and routing.
  status?: 'open' | 'pending' | 'resolved' | 'closed';
  level?: number;
  severity?: Severity;
  intent?: string | null;
  language?: string | null;
  priority?: number;
  teamId?: string | null;
  assigneeId?: string | null;
};

/** Creates a conversation with the customer's first message, in one transaction. */
export async function openConversation(db: Db, orgId: string, input: OpenConversationInput) {
  const at = input.at ?? new Date();
  return db.transaction(async (tx) => {
    const [conversation] = await tx.insert(conversations).values({
      orgId, channelId: input.channelId, contactId: input.contactId, subject: input.subject ?? null,
      status: input.status ?? 'open', level: input.level ?? 1, severity: input.severity ?? 'normal',
      intent: input.intent ?? null, language: input.language ?? null, priority: input.priority ?? 1,
      teamId: input.teamId ?? null, assigneeId: input.assigneeId ?? null, visibility: input.visibility ?? 'private',
      lastMessageAt: at, createdAt: at, updatedAt: at,
    }).returning();
    const [message] = await tx.insert(messages).values({
      orgId, conversationId: conversation!.id, channelId: input.channelId, direction: 'inbound', authorKind: 'customer',
      authorContactId: input.contactId, body: input.body, externalId: input.externalId ?? null,
      attachments: input.attachments ?? [], isPublic: input.visibility === 'public', createdAt: at,
    }).returning();
    return { conversation: conversation!, message: message! };
  });
}
