// What a visitor's socket handlers share: the channel, its settings, the bus and the hub, and the visitor's state.
import type { FastifyBaseLogger } from 'fastify';
import type { ChannelDeps, ChannelRecord } from '../channel-adapter.ts';
import type { RealtimeBus } from '../../realtime/realtime-bus.ts';
import type { ChatHub } from './chat-hub.ts';
import type { ChatSettings } from './chat-settings.ts';

export type ChatContext = {
  deps: ChannelDeps;
  bus: RealtimeBus;
  hub: ChatHub;
  channel: ChannelRecord;
  settings: ChatSettings;
  log: FastifyBaseLogger;
};

export type VisitorState = {
  visitorId: string;
  /** The chat identity intake files messages under: visitor:<id>, or user:<id> once signed. */
  externalId: string;
  verified: boolean;
  displayName: string | null;
  contactId: string | null;
  /** The conversation the widget shows (latest on this channel); quick replies and ratings apply to it. */
  conversationId: string | null;
  locale: 'fr' | 'en';
};
