// A visitor's message, typed or clicked (quick reply), through intake. The ack leaves only after the commit, and
// the message is keyed by visitor + clientMessageId, so a widget resending after a lost ack stores nothing twice.
import { and, desc, eq } from 'drizzle-orm';
import { messages } from '../../db/schema/index.ts';
import { acceptInbound } from '../../intake/accept-inbound.ts';
import type { InboundMessage } from '../../intake/receive-inbound-message.ts';
import type { ServerFrame } from '../../../widget/protocol.ts';
import type { ChatContext, VisitorState } from './chat-context.ts';
import type { LiveVisitor } from './chat-hub.ts';

export async function receiveVisitorMessage(
  ctx: ChatContext, live: LiveVisitor, state: VisitorState,
  input: { clientMessageId: string; text: string; metadata?: Record<string, unknown> },
): Promise<ServerFrame> {
  const { deps, channel } = ctx;
  const inbound: InboundMessage = {
    orgId: channel.orgId, channelId: channel.id,
    // Scoped by visitor: another visitor cannot collide with (or probe) this one's ids.
    externalId: `chat:${state.visitorId}:${input.clientMessageId}`,
    sender: { externalId: state.externalId, displayName: state.displayName, verified: state.verified },
    text: input.text, visibility: 'private',
    metadata: { ...input.metadata, clientMessageId: input.clientMessageId },
  };
  const result = await acceptInbound(deps, inbound);
  state.conversationId = result.conversationId;
  if (state.contactId !== result.contactId) {
    state.contactId = result.contactId;
    ctx.hub.bind(live, result.contactId);
  }
  // The visitor's other tabs (maybe on another process) show it too.
  if (!result.duplicate) await ctx.bus.publish(channel.orgId, { kind: 'chat.push', conversationId: result.conversationId, messageId: result.messageId });
  const [stored] = await deps.db.select({ createdAt: messages.createdAt }).from(messages).where(eq(messages.id, result.messageId));
  return {
    type: 'ack', clientMessageId: input.clientMessageId, messageId: result.messageId, conversationId: result.conversationId,
    createdAt: (stored?.createdAt ?? new Date()).toISOString(),
  };
}

/** The label of a quick reply offered by the conversation's latest reply, while it still waits for an answer. */
export async function quickReplyLabel(ctx: ChatContext, state: VisitorState, id: string): Promise<string | null> {
  if (!state.conversationId) return null;
  const [last] = await ctx.deps.db.select({ metadata: messages.metadata }).from(messages)
    .where(and(eq(messages.conversationId, state.conversationId), eq(messages.orgId, ctx.channel.orgId), eq(messages.direction, 'outbound')))
    .orderBy(desc(messages.createdAt), desc(messages.id)).limit(1);
  const meta = (last?.metadata ?? {}) as { awaitingFeedback?: unknown; quickReplies?: Array<{ id?: unknown; label?: unknown }> };
  if (meta.awaitingFeedback !== true || !Array.isArray(meta.quickReplies)) return null;
  const label = meta.quickReplies.find((q) => q?.id === id)?.label;
  return typeof label === 'string' ? label : null;
}
