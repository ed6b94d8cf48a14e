// What a channel adapter hands to intake, and what intake answers.
import type { Attachment, ChannelType } from '../db/schema/index.ts';

export type InboundMessage = {
  orgId: string;
  channelId: string;
  /** The sender as the channel knows them: an email address, a phone number, a page-scoped id... */
  sender: { externalId: string; displayName?: string | null; email?: string | null; phone?: string | null; verified?: boolean };
  text: string;
  html?: string | null;
  externalId?: string | null;
  subject?: string | null;
  attachments?: Attachment[];
  /** Continue this conversation (a threaded email reply, a comment under a post) instead of the contact's open one. */
  conversationId?: string | null;
  visibility?: 'public' | 'private';
  metadata?: Record<string, unknown>;
  at?: Date;
};

export type IntakeResult = { messageId: string; conversationId: string; contactId: string; duplicate: boolean; newConversation: boolean; channelType: ChannelType };

/** One message's outcome in a batch: a refusal (unknown channel or conversation) concerns that message only. */
export type IntakeOutcome = { ok: true; result: IntakeResult } | { ok: false; error: Error };
