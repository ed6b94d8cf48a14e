// The core team, watching an expert's conversation, tells the expert what to do: an internal note of kind
// 'instruction', which experts and provider agents read (plain notes stay with the core team) and the
// customer never sees.
import type { Db } from '../db/client.ts';
import { notes } from '../db/schema/index.ts';
import type { AuthContext } from '../accounts/roles.ts';
import { recordEvent } from '../audit/record-event.ts';
import { publishRealtime } from '../realtime/publish-realtime.ts';
import { getConversation } from '../conversations/conversations.service.ts';

export async function addInstruction(db: Db, auth: AuthContext, conversationId: string, body: string) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await getConversation(tx, auth, conversationId);
    const [note] = await tx.insert(notes).values({ orgId: auth.orgId, conversationId, authorUserId: auth.userId, kind: 'instruction', body }).returning();
    await publishRealtime(tx, auth.orgId, { kind: 'note.created', conversationId, noteId: note!.id });
    await recordEvent(tx, {
      orgId: auth.orgId, type: 'note.instruction', actor: { kind: 'user', id: auth.userId },
      subject: { type: 'conversation', id: conversationId }, data: { noteId: note!.id },
    });
    return note!;
  });
}
