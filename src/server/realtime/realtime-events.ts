// What travels on the realtime bus: small events naming ids and a kind, never content. Receivers load what
// they need through the normal services, so tenancy and permissions stay where they are enforced today.

/** The one PostgreSQL NOTIFY channel (lower case: LISTEN folds unquoted names). */
export const REALTIME_CHANNEL = 'relais_realtime';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; ids and a kind stay far below this. */
export const MAX_PAYLOAD_BYTES = 7900;

export type RealtimeEvent =
  | { kind: 'message.created'; conversationId: string; messageId: string; direction: 'inbound' | 'outbound' }
  | { kind: 'conversation.updated'; conversationId: string }
  | { kind: 'typing'; conversationId: string; actor: 'agent' | 'customer'; userId?: string }
  | { kind: 'message.read'; conversationId: string; messageId: string; by: 'agent' | 'customer' }
  | { kind: 'conversation.rated'; conversationId: string; score: number }
  /** An internal note (an instruction to the expert, an escalation): read it through the notes API. */
  | { kind: 'note.created'; conversationId: string; noteId: string }
  | { kind: 'alert.raised'; alertId: string; conversationId?: string }
  | { kind: 'approval.requested'; approvalId: string; conversationId: string }
  | { kind: 'approval.decided'; approvalId: string; conversationId: string; status: 'approved' | 'rejected' }
  | { kind: 'conversation.sla'; conversationId: string; state: 'warning' | 'breached' }
  /** Chat only: show this stored message on the visitor's open widgets (from chat send() and other tabs). */
  | { kind: 'chat.push'; conversationId: string; messageId: string };

export type RealtimeKind = RealtimeEvent['kind'];

/**
 * Delivered locally (never through NOTIFY) after the listening connection was lost and re-established:
 * events may have been missed meanwhile, so every receiver must reload what it shows.
 */
export type ResyncSignal = { kind: 'resync' };

/** `orgId` is null only for a resync, which concerns every tenant. */
export type RealtimeHandler = (orgId: string | null, event: RealtimeEvent | ResyncSignal) => void;

/** Kinds that concern the desk (agents' sockets); chat.* kinds are the chat channel's internal plumbing. */
export const isAgentEvent = (event: RealtimeEvent | ResyncSignal) => !event.kind.startsWith('chat.');

type Envelope = { o: string; e: RealtimeEvent };

export function encodeEvent(orgId: string, event: RealtimeEvent): string {
  const payload = JSON.stringify({ o: orgId, e: event } satisfies Envelope);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
    throw new Error(`realtime event ${event.kind} is too large for NOTIFY (${Buffer.byteLength(payload)} bytes): send ids, not content`);
  }
  return payload;
}

/** Null for anything that is not one of our envelopes (another application may NOTIFY on the channel). */
export function decodeEvent(payload: string): { orgId: string; event: RealtimeEvent } | null {
  try {
    const parsed = JSON.parse(payload) as Partial<Envelope>;
    if (typeof parsed.o !== 'string' || typeof parsed.e?.kind !== 'string') return null;
    return { orgId: parsed.o, event: parsed.e };
  } catch {
    return null;
  }
}
