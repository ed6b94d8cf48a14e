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
  | { kind: 'approval.requested'; approvalId: string; conversationId: string }
  | { kind: 'approval.decided'; approvalId: string; conversationId: string; status: 'approved' | 'rejected' }
  | { kind: 'conversation.sla'; conversationId: string; state: 'warning' | 'breached' }
  | { kind: 'resync' };

export type ConnectionStatus = 'connecting' | 'open' | 'lost';

/** What the desk may send: typing and read signals. */
export type AgentFrame = { type: 'typing'; conversationId: string } | { type: 'read'; conversationId: string; messageId: string };
