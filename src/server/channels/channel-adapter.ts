// The one interface every channel implements. A channel lives in its own folder (channels/<type>/) and is
// registered at start-up in channels/registry.ts; nothing outside channels/ knows a vendor's format.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { ChannelType } from '../db/schema/index.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { Config } from '../config.ts';

/** A reply on its way out, as the outbox hands it to the channel. */
export type OutboundMessage = {
  messageId: string;
  orgId: string;
  conversationId: string;
  body: string;
  isPublic: boolean;
  /** Quick replies, citations, the vendor ids to answer to (stored on the inbound message's metadata)... */
  metadata: Record<string, unknown>;
  /** The customer's identity on this channel (email address, phone number, PSID, X user id...). */
  recipient: { externalId: string; displayName: string | null };
  /** The conversation's subject and the inbound message this replies to, for threading (email). */
  subject: string | null;
  inReplyTo: { externalId: string | null; metadata: Record<string, unknown> } | null;
};

export type ChannelRecord = { id: string; orgId: string; type: ChannelType; name: string; isPublic: boolean; webhookKey: string };

/** `retryable: false` ends in the visible failed state at once (a refused recipient); true backs off and retries. */
export type SendResult = { ok: true; externalId?: string | null } | { ok: false; retryable: boolean; reason: string };

export type ChannelDeps = { db: Db; queue: JobQueue | undefined; config: Config; metrics: Metrics };

export interface ChannelAdapter<Settings = unknown> {
  readonly type: ChannelType;
  /** Credentials and secrets this channel needs; stored encrypted (channels/channel-secrets.ts). */
  readonly settingsSchema: z.ZodType<Settings>;
  /** Vendor webhooks: verify the request, normalize, call intake, answer only after the commit. */
  registerRoutes?(app: FastifyInstance, deps: ChannelDeps): Promise<void>;
  /** Listeners that are not HTTP (the SMTP server): started with the process, stopped on shutdown. */
  start?(deps: ChannelDeps): Promise<{ stop(): Promise<void> }>;
  /** Delivers one reply. Must not throw for vendor errors: return a SendResult saying whether to retry. */
  send(message: OutboundMessage, channel: ChannelRecord, settings: Settings): Promise<SendResult>;
}
