// What the server pushes on GET /api/realtime (src/server/realtime/realtime-events.ts): ids and a kind, never
// content; the app reads what it needs through the API. `resync` is ours: sent after a reconnection, since
// events may have been missed meanwhile.
export type RealtimeEvent =
  | { kind: 'message.created'; conversationId: string; messageId: string; direction: 'inbound' | 'outbound' }
  | { kind: 'conversation.updated'; conversationId: string }
  | { kind: 'typing'; conversationId: string; actor: 'agent' | 'customer'; userId?: string }
  | { kind: 'message.read'; conversationId: string; messageId: string; by: 'agent' | 'customer' }
  | { kind: 'conversation.rated'; conversationId: string; score: number }
  | { kind: 'alert.raised'; alertId: string; conversationId?: string }
  | { kind: 'resync' };

export type ConnectionStatus = 'connecting' | 'open' | 'lost';

/** What the desk may send: typing and read signals. */
export type AgentFrame = { type: 'typing'; conversationId: string } | { type: 'read'; conversationId: string; messageId: string };
