// The visitor's other signals: an email left for follow-up, a rating once resolved, reading and typing.
import { and, eq } from 'drizzle-orm';
import { contacts, conversations, messages } from '../../db/schema/index.ts';
import { recordEvent } from '../../audit/record-event.ts';
import type { ServerFrame } from '../../../widget/protocol.ts';
import type { ChatContext, VisitorState } from './chat-context.ts';
import type { LiveVisitor } from './chat-hub.ts';
import { RATED_EVENT, currentConversation } from './chat-history.ts';
import { ensureChatContact } from './chat-identity.ts';
import { awardRating } from '../../experts/reputation.ts';

/**
 * "Leave us your email": stored on the contact as given (not verified, so it must never serve to link records),
 * plus an audit event so the desk can find visitors waiting for an answer by email.
 */
export async function leaveEmail(ctx: ChatContext, live: LiveVisitor, state: VisitorState, input: { email: string; name?: string | undefined }): Promise<ServerFrame> {
  const { db } = ctx.deps;
  const { orgId } = ctx.channel;
  const contactId = state.contactId ?? await ensureChatContact(db, orgId, state.externalId, { name: input.name ?? null, verified: state.verified });
  await db.transaction(async (tx) => {
    await tx.update(contacts).set({ email: input.email.toLowerCase(), ...(input.name ? { name: input.name } : {}) })
      .where(and(eq(contacts.id, contactId), eq(contacts.orgId, orgId)));
    await recordEvent(tx, {
      orgId, type: 'contact.email_left', actor: { kind: 'contact', id: contactId }, subject: { type: 'contact', id: contactId },
      data: { channelId: ctx.channel.id, conversationId: state.conversationId },
    });
  });
  if (state.contactId !== contactId) {
    state.contactId = contactId;
    ctx.hub.bind(live, contactId);
  }
  return { type: 'identified' };
}

/**
 * The end-of-conversation rating, stored as the audit event `conversation.rated` (subject: the conversation;
 * data: score 1-5, comment). One per conversation, and only once it is resolved or closed.
 */
export async function rateConversation(ctx: ChatContext, state: VisitorState, input: { score: number; comment?: string | undefined }): Promise<ServerFrame> {
  const { db } = ctx.deps;
  const { orgId, id: channelId } = ctx.channel;
  const conversation = state.contactId ? await currentConversation(db, { orgId, channelId, contactId: state.contactId }) : null;
  if (!conversation) return { type: 'error', code: 'no_conversation', message: 'nothing to rate yet' };
  if (conversation.status !== 'resolved' && conversation.status !== 'closed') {
    return { type: 'error', code: 'not_resolved', message: 'a conversation is rated once it is resolved' };
  }
  if (conversation.rated) return { type: 'error', code: 'already_rated', message: 'this conversation was already rated' };
  await db.transaction(async (tx) => {
    await recordEvent(tx, {
      orgId, type: RATED_EVENT, actor: { kind: 'contact', id: state.contactId }, subject: { type: 'conversation', id: conversation.id },
      data: { score: input.score, comment: input.comment ?? null, channel: 'chat' },
    });
    await awardRating(tx, orgId, conversation.id, input.score); // the experts who answered gain or lose reputation
  });
  await ctx.bus.publish(orgId, { kind: 'conversation.rated', conversationId: conversation.id, score: input.score });
  await ctx.bus.publish(orgId, { kind: 'conversation.updated', conversationId: conversation.id }); // other tabs hide the form
  return { type: 'rated' };
}

/** The visitor has read up to this message: agents see it (not stored). */
export async function visitorRead(ctx: ChatContext, state: VisitorState, messageId: string): Promise<void> {
  if (!state.contactId) return;
  const [message] = await ctx.deps.db.select({ conversationId: messages.conversationId }).from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(messages.id, messageId), eq(conversations.contactId, state.contactId), eq(conversations.channelId, ctx.channel.id)));
  if (message) await ctx.bus.publish(ctx.channel.orgId, { kind: 'message.read', conversationId: message.conversationId, messageId, by: 'customer' });
}

export async function visitorTyping(ctx: ChatContext, state: VisitorState): Promise<void> {
  if (state.conversationId) await ctx.bus.publish(ctx.channel.orgId, { kind: 'typing', conversationId: state.conversationId, actor: 'customer' });
}
