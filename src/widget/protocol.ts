// The chat widget's wire protocol: JSON frames over the WebSocket /hooks/chat/:key/ws. Plain types with no
// dependency, imported by the widget and (type-only) by the server, so both sides name the same frames.

export type QuickReply = { id: string; label: string };

export type ChatMessage = {
  id: string;
  conversationId: string;
  from: 'visitor' | 'agent' | 'bot';
  /** The agent's name; null for the visitor and the bot. */
  authorName: string | null;
  /** Plain text: the widget renders it as text, never as HTML. */
  text: string;
  createdAt: string;
  /** The visitor's own id for a message it sent, so an optimistic copy is replaced, not duplicated. */
  clientMessageId: string | null;
  /** Offered only while the level-1 answer still waits for "solved" / "talk to a person". */
  quickReplies: QuickReply[];
};

export type ConversationStatus = 'open' | 'pending' | 'resolved' | 'closed';
export type ConversationState = { id: string; status: ConversationStatus; rated: boolean };

export type BrandInfo = { name: string; primaryColor: string; textColor: string; welcome: string };

/** Signed by the brand's server: signature = hex HMAC-SHA256(identitySecret, userId). Only userId is signed. */
export type SignedIdentity = { userId: string; email?: string; name?: string; signature: string };

export type ClientFrame =
  | { type: 'hello'; visitorId?: string; lastSeenMessageId?: string; locale?: string; identity?: SignedIdentity }
  | { type: 'message'; clientMessageId: string; text: string }
  | { type: 'quick_reply'; clientMessageId: string; id: string }
  | { type: 'identify'; email: string; name?: string }
  | { type: 'typing' }
  | { type: 'read'; messageId: string }
  | { type: 'rating'; score: number; comment?: string }
  | { type: 'ping' };

export type ErrorCode =
  | 'identity_invalid' | 'invalid_frame' | 'hello_first' | 'rate_limited' | 'no_quick_reply'
  | 'no_conversation' | 'not_resolved' | 'already_rated' | 'internal';

export type ServerFrame =
  /** Answer to hello. `complete`: history is the whole recent thread (replace); else only what came after lastSeen (append). */
  | { type: 'ready'; visitorId: string; verified: boolean; brand: BrandInfo; conversation: ConversationState | null; history: ChatMessage[]; complete: boolean }
  /** Sent only once the message is committed: from then on a retry with the same clientMessageId is a no-op. */
  | { type: 'ack'; clientMessageId: string; messageId: string; conversationId: string; createdAt: string }
  | { type: 'message'; message: ChatMessage }
  | { type: 'typing' }
  /** An agent has read the thread up to this message. */
  | { type: 'read'; messageId: string }
  | { type: 'conversation'; conversation: ConversationState }
  | { type: 'identified' }
  | { type: 'rated' }
  | { type: 'error'; code: ErrorCode; message: string; clientMessageId?: string }
  | { type: 'pong' };

/** WebSocket close codes the widget acts on. */
export const CLOSE = {
  /** Reconnect at once and catch up (the server lost events, or restarts). */
  resync: 4000,
  /** The signed identity was refused: do not retry with it. */
  identityRefused: 4403,
  /** No hello in time. */
  helloTimeout: 4408,
} as const;
