// The visitors connected to this process, and the bridge from the realtime bus to their sockets. A reply may be
// sent by any process (the outbox runs everywhere), so delivery goes through the bus: every process looks for
// the visitor among its own sockets.
import type { Db } from '../../db/client.ts';
import type { RealtimeBus } from '../../realtime/realtime-bus.ts';
import type { RealtimeEvent, ResyncSignal } from '../../realtime/realtime-events.ts';
import { CLOSE, type ServerFrame } from '../../../widget/protocol.ts';
import { conversationState, messageForPush } from './chat-history.ts';

export type LiveVisitor = {
  orgId: string;
  channelId: string;
  /** Null until the visitor first writes or leaves an email: nothing can be addressed to them before. */
  contactId: string | null;
  send(frame: ServerFrame): void;
  close(code: number, reason: string): void;
};

type Log = { error(obj: object, msg: string): void };

export type ChatHub = ReturnType<typeof createChatHub>;

export function createChatHub(db: Db, bus: RealtimeBus, log: Log) {
  const visitors = new Set<LiveVisitor>();
  const byContact = new Map<string, Set<LiveVisitor>>();
  const perOrg = new Map<string, number>();

  const index = (v: LiveVisitor, add: boolean) => {
    if (!v.contactId) return;
    const set = byContact.get(v.contactId) ?? new Set<LiveVisitor>();
    if (add) set.add(v); else set.delete(v);
    if (set.size > 0) byContact.set(v.contactId, set); else byContact.delete(v.contactId);
  };

  function deliver(contactId: string, channelId: string, frame: ServerFrame) {
    for (const v of byContact.get(contactId) ?? []) if (v.channelId === channelId) v.send(frame);
  }

  async function route(orgId: string | null, event: RealtimeEvent | ResyncSignal) {
    if (event.kind === 'resync') {
      // Events were lost: each widget reconnects at once and catches up from its last seen message.
      for (const v of visitors) v.close(CLOSE.resync, 'resync');
      return;
    }
    // Most events concern tenants with nobody connected here: skip them without a query.
    if (!orgId || !perOrg.get(orgId)) return;
    if (event.kind === 'chat.push') {
      const found = await messageForPush(db, orgId, event.messageId);
      if (found) deliver(found.contactId, found.channelId, { type: 'message', message: found.message });
      return;
    }
    const relevant = (event.kind === 'typing' && event.actor === 'agent') || (event.kind === 'message.read' && event.by === 'agent')
      || event.kind === 'conversation.updated';
    if (!relevant) return;
    const found = await conversationState(db, orgId, event.conversationId);
    if (!found || !byContact.has(found.contactId)) return;
    const frame: ServerFrame = event.kind === 'typing' ? { type: 'typing' }
      : event.kind === 'message.read' ? { type: 'read', messageId: event.messageId }
        : { type: 'conversation', conversation: found.state };
    deliver(found.contactId, found.channelId, frame);
  }

  const unsubscribe = bus.subscribe((orgId, event) => {
    route(orgId, event).catch((err: unknown) => log.error({ err, kind: event.kind }, 'chat: realtime event not delivered'));
  });

  return {
    add(v: LiveVisitor) {
      visitors.add(v);
      perOrg.set(v.orgId, (perOrg.get(v.orgId) ?? 0) + 1);
    },
    /** The visitor is now known as this contact (hello, first message, email left). */
    bind(v: LiveVisitor, contactId: string | null) {
      index(v, false);
      v.contactId = contactId;
      index(v, true);
    },
    remove(v: LiveVisitor) {
      if (!visitors.delete(v)) return;
      index(v, false);
      const left = (perOrg.get(v.orgId) ?? 1) - 1;
      if (left > 0) perOrg.set(v.orgId, left); else perOrg.delete(v.orgId);
    },
    connected: () => visitors.size,
    close() {
      unsubscribe();
      for (const v of visitors) v.close(1001, 'server stopping');
    },
  };
}
