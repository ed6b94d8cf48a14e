// Which conversation each message of a batch joins, decided in memory as if the messages had arrived one
// after the other: the second message of a new customer joins the conversation the first one opened, and a
// conversation written to twice is updated once, with the values the last message leaves.
import { randomUUID } from 'node:crypto';

export type OpenConversation = { id: string; channelId: string; contactId: string; visibility: 'public' | 'private'; lastMessageAt: Date | null };

export type ConversationRequest = {
  orgId: string;
  channelId: string;
  contactId: string;
  at: Date;
  subject: string | null;
  /** Only a conversation of this visibility (a public comment never joins a private thread); undefined: any. */
  visibility: 'public' | 'private' | undefined;
  /** The visibility of a conversation this message opens, when it names none. */
  newVisibility: 'public' | 'private';
  /** An auto-reply or a bounce: it neither reopens the conversation nor counts as its last message. */
  automated: boolean;
  /** The conversation the channel named (a thread), already checked to be on this channel. */
  named: OpenConversation | null;
};

export type NewConversation = {
  id: string; orgId: string; channelId: string; contactId: string; subject: string | null; visibility: 'public' | 'private';
  lastMessageAt: Date; createdAt: Date; updatedAt: Date;
};

/** `lastMessageAt` null: unchanged (only automated messages). `reopen`: status open, resolvedAt cleared. */
export type ConversationTouch = { id: string; orgId: string; lastMessageAt: Date | null; updatedAt: Date; reopen: boolean };

export type ConversationPlan = {
  joined: { conversationId: string; newConversation: boolean }[];
  created: NewConversation[];
  touched: ConversationTouch[];
};

/** `open`: the open or pending conversations of the batch's contacts on its channels. */
export function planConversations(requests: ConversationRequest[], open: OpenConversation[]): ConversationPlan {
  const byId = new Map<string, OpenConversation>();
  const byContact = new Map<string, OpenConversation[]>();
  const remember = (c: OpenConversation) => {
    byId.set(c.id, c);
    const key = `${c.channelId}|${c.contactId}`;
    byContact.set(key, [...(byContact.get(key) ?? []), c]);
  };
  for (const c of open) remember({ ...c });
  const created = new Map<string, NewConversation>();
  const touched = new Map<string, ConversationTouch>();

  const joined = requests.map((r) => {
    let conversation = r.named ? byId.get(r.named.id) ?? null : mostRecent(byContact.get(`${r.channelId}|${r.contactId}`), r.visibility);
    if (!conversation && !r.named) {
      const row: NewConversation = {
        id: randomUUID(), orgId: r.orgId, channelId: r.channelId, contactId: r.contactId, subject: r.subject,
        visibility: r.visibility ?? r.newVisibility, lastMessageAt: r.at, createdAt: r.at, updatedAt: r.at,
      };
      created.set(row.id, row);
      remember({ id: row.id, channelId: row.channelId, contactId: row.contactId, visibility: row.visibility, lastMessageAt: r.at });
      return { conversationId: row.id, newConversation: true };
    }
    const id = conversation?.id ?? r.named!.id;
    const fresh = created.get(id);
    if (fresh) {
      fresh.updatedAt = r.at;
      if (!r.automated) fresh.lastMessageAt = r.at;
    } else {
      const touch = touched.get(id) ?? { id, orgId: r.orgId, lastMessageAt: null, updatedAt: r.at, reopen: false };
      touch.updatedAt = r.at;
      if (!r.automated) Object.assign(touch, { lastMessageAt: r.at, reopen: true });
      touched.set(id, touch);
    }
    if (!r.automated) {
      // A named conversation that was resolved is open again: later messages of its contact may join it.
      if (!conversation) remember(conversation = { ...r.named!, lastMessageAt: r.at });
      conversation.lastMessageAt = r.at;
    }
    return { conversationId: id, newConversation: false };
  });
  return { joined, created: [...created.values()], touched: [...touched.values()] };
}

/** As `ORDER BY last_message_at DESC LIMIT 1` would choose (NULL first). */
function mostRecent(candidates: OpenConversation[] | undefined, visibility: 'public' | 'private' | undefined): OpenConversation | null {
  let best: OpenConversation | null = null;
  for (const c of candidates ?? []) {
    if (visibility && c.visibility !== visibility) continue;
    if (!best || (best.lastMessageAt !== null && (c.lastMessageAt === null || c.lastMessageAt > best.lastMessageAt))) best = c;
  }
  return best;
}
