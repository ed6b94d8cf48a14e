// The conversation as the widget holds it: server messages merged by id, the visitor's unsent messages kept
// (and resent after a reconnection with the same clientMessageId), in order. No DOM here: tested under Node.
import type { ChatMessage, ClientFrame, ServerFrame } from './protocol.ts';

export type Delivery = 'pending' | 'sent' | 'read';
export type Entry = ChatMessage & { delivery: Delivery; resend?: ClientFrame };
type Ack = Extract<ServerFrame, { type: 'ack' }>;

const order = (a: Entry, b: Entry) =>
  // Unsent messages stay last: their time is the browser's, not the server's.
  Number(a.delivery === 'pending') - Number(b.delivery === 'pending')
  || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class Thread {
  entries: Entry[] = [];

  /** The visitor's message, shown at once and kept until the server acknowledges it. */
  addPending(frame: Extract<ClientFrame, { type: 'message' | 'quick_reply' }>, text: string, conversationId = ''): Entry {
    const entry: Entry = {
      id: `local:${frame.clientMessageId}`, conversationId, from: 'visitor', authorName: null, text,
      createdAt: new Date().toISOString(), clientMessageId: frame.clientMessageId, quickReplies: [], delivery: 'pending', resend: frame,
    };
    this.entries.push(entry);
    this.entries.sort(order);
    return entry;
  }

  ack(frame: Ack): void {
    const entry = this.entries.find((e) => e.clientMessageId === frame.clientMessageId);
    if (!entry) return;
    // The same message may already be here, pushed from the server (another tab's echo): keep one.
    this.entries = this.entries.filter((e) => e === entry || e.id !== frame.messageId);
    Object.assign(entry, { id: frame.messageId, conversationId: frame.conversationId, createdAt: frame.createdAt, delivery: 'sent' as Delivery });
    delete entry.resend;
    this.entries.sort(order);
  }

  /** Adds or updates a server message; true when it was new. */
  upsert(message: ChatMessage): boolean {
    const index = this.entries.findIndex((e) => e.id === message.id
      || (message.clientMessageId !== null && e.clientMessageId === message.clientMessageId));
    const previous = index >= 0 ? this.entries[index] : undefined;
    const entry: Entry = { ...message, delivery: previous?.delivery === 'read' ? 'read' : 'sent' };
    if (previous) this.entries[index] = entry;
    else this.entries.push(entry);
    this.entries.sort(order);
    return !previous;
  }

  /** A full history from the server: it replaces what was shown, except messages still unsent. */
  replace(history: ChatMessage[]): void {
    const pending = this.entries.filter((e) => e.delivery === 'pending');
    this.entries = [];
    for (const message of history) this.upsert(message);
    for (const p of pending) if (!this.entries.some((e) => e.clientMessageId === p.clientMessageId)) this.entries.push(p);
    this.entries.sort(order);
  }

  pending(): Entry[] {
    return this.entries.filter((e) => e.delivery === 'pending');
  }

  /** The newest message the server gave us: where catch-up starts after a reconnection. */
  lastSeenId(): string | null {
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i]!.delivery !== 'pending') return this.entries[i]!.id;
    return null;
  }

  /** How many brand messages came after this one (the unread badge of a new page); 0 when it is not here. */
  fromBrandAfter(messageId: string | null): number {
    const index = this.entries.findIndex((e) => e.id === messageId);
    return index < 0 ? 0 : this.entries.slice(index + 1).filter((e) => e.from !== 'visitor').length;
  }

  /** The newest message from the brand (agent or bot), to report as read. */
  lastFromBrand(): Entry | undefined {
    return [...this.entries].reverse().find((e) => e.from !== 'visitor' && e.delivery !== 'pending');
  }

  /** An agent read up to this message: the visitor's messages until then show "read". */
  markReadUpTo(messageId: string): void {
    const upTo = this.entries.find((e) => e.id === messageId);
    if (!upTo) return;
    for (const e of this.entries) if (e.from === 'visitor' && e.delivery === 'sent' && e.createdAt <= upTo.createdAt) e.delivery = 'read';
  }

  /** Quick replies are offered only under the very last message. */
  offeredQuickReplies(): Entry | undefined {
    const last = this.entries[this.entries.length - 1];
    return last && last.from !== 'visitor' && last.quickReplies.length > 0 ? last : undefined;
  }
}

/** Reconnection delay: 1 s, 2 s, 4 s … capped at 30 s, each between half and all of it (jitter), so a server
 * restart is not met by every widget at the same instant. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1000 * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
