import { pgEnum } from 'drizzle-orm/pg-core';

export const orgKind = pgEnum('org_kind', ['brand', 'provider']);
export const userRole = pgEnum('user_role', ['admin', 'supervisor', 'agent', 'provider_agent', 'expert', 'bot']);
export const channelType = pgEnum('channel_type', [
  'email', 'chat', 'sms', 'facebook', 'instagram', 'x', 'community', 'web_form', 'api',
]);
export const conversationStatus = pgEnum('conversation_status', ['open', 'pending', 'resolved', 'closed']);
export const severity = pgEnum('severity', ['normal', 'complaint', 'angry', 'abusive', 'crisis']);
export const visibility = pgEnum('visibility', ['public', 'private']);
export const messageDirection = pgEnum('message_direction', ['inbound', 'outbound']);
export const authorKind = pgEnum('author_kind', ['customer', 'bot', 'expert', 'agent', 'system']);
export const articleStatus = pgEnum('article_status', ['draft', 'in_review', 'published', 'archived']);

// Mirrors of the enums for Zod schemas and code, kept next to the SQL definitions they must match.
export const ROLES = userRole.enumValues;
export type Role = (typeof ROLES)[number];
export const CHANNEL_TYPES = channelType.enumValues;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
export const CONVERSATION_STATUSES = conversationStatus.enumValues;
export const SEVERITIES = severity.enumValues;
export type Severity = (typeof SEVERITIES)[number];
export const AUTHOR_KINDS = authorKind.enumValues;
export const ARTICLE_STATUSES = articleStatus.enumValues;
