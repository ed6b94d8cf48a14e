// Delivers queued replies: claims due rows (safe with several processes: SKIP LOCKED), hands each to its
// channel's adapter, and records the outcome. Failures back off exponentially; after the last attempt, or on
// a permanent refusal, the reply ends `failed` with the reason, visible on the message.
import { eq, sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { messages, outbox } from '../db/schema/index.ts';
import { adapterFor } from '../channels/registry.ts';
import { channelById } from '../channels/channels.service.ts';
import type { SendResult } from '../channels/channel-adapter.ts';
import { buildOutboundMessage } from './build-outbound-message.ts';

export const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 60;

/** 5 s, 10 s, 20 s … capped at one hour, with ±20% jitter so retries from an outage do not arrive together. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(5_000 * 2 ** (attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

type Claimed = { id: string; message_id: string; channel_id: string; attempts: number };

async function claimDue(db: Db, batch: number): Promise<Claimed[]> {
  const result = await db.execute(sql`
    UPDATE outbox SET status = 'sending', attempts = attempts + 1, lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
    WHERE id IN (
      SELECT id FROM outbox
      WHERE (status IN ('pending', 'retrying') AND next_attempt_at <= now()) OR (status = 'sending' AND lease_until < now())
      ORDER BY next_attempt_at LIMIT ${batch} FOR UPDATE SKIP LOCKED)
    RETURNING id, message_id, channel_id, attempts`);
  return (result as unknown as { rows: Claimed[] }).rows;
}

async function deliver(db: Db, row: Claimed): Promise<SendResult> {
  let opened;
  try {
    opened = await channelById(db, row.channel_id);
  } catch (err) {
    // Missing or invalid credentials will not fix themselves between retries: fail now, saying what to do.
    if (err instanceof ZodError) {
      const issues = err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return { ok: false, retryable: false, reason: `the channel is not configured (${issues}): complete its settings, then send again` };
    }
    throw err;
  }
  const { channel, settings } = opened;
  const adapter = adapterFor(channel.type);
  if (!adapter) return { ok: false, retryable: false, reason: `no adapter can send on ${channel.type} channels` };
  const message = await buildOutboundMessage(db, row.message_id, channel);
  if (!message) return { ok: false, retryable: false, reason: 'the message no longer exists' };
  try {
    return await adapter.send(message, channel, settings);
  } catch (err) {
    // An adapter should not throw, but a bug in one must not lose the reply: retry it.
    return { ok: false, retryable: true, reason: `adapter error: ${(err as Error).message}` };
  }
}

async function record(db: Db, row: Claimed, result: SendResult) {
  const now = new Date();
  const final = result.ok ? 'sent' : !result.retryable || row.attempts >= MAX_ATTEMPTS ? 'failed' : 'retrying';
  const reason = result.ok ? null : result.reason.slice(0, 1000);
  await db.transaction(async (tx) => {
    await tx.update(outbox).set({
      status: final, leaseUntil: null, lastError: reason,
      ...(result.ok ? { sentAt: now, externalId: result.externalId ?? null } : {}),
      ...(final === 'retrying' ? { nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)) } : {}),
    }).where(eq(outbox.id, row.id));
    const vendorId = result.ok ? result.externalId ?? null : null;
    const delivery = { status: final, attempts: row.attempts, at: now.toISOString(), ...(reason ? { error: reason } : {}), ...(vendorId ? { externalId: vendorId } : {}) };
    await tx.update(messages).set({
      metadata: sql`${messages.metadata} || ${JSON.stringify({ delivery })}::jsonb`,
      // The vendor's id makes our own reply recognizable when it comes back through a webhook. If the vendor
      // reuses an id we already hold, the id stays in metadata only: failing here would leave a sent reply
      // looking unsent, and it would be sent twice.
      ...(vendorId ? { externalId: sql`CASE WHEN EXISTS (SELECT 1 FROM messages other WHERE other.channel_id = ${messages.channelId}
        AND other.external_id = ${vendorId} AND other.id <> ${messages.id}) THEN ${messages.externalId} ELSE ${vendorId} END` } : {}),
    }).where(eq(messages.id, row.message_id));
  });
  return final;
}

/** One pass: delivers what is due now. Returns how many rows it handled. */
export async function dispatchDue(db: Db, options: { batch?: number; logger?: Logger } = {}): Promise<number> {
  const claimed = await claimDue(db, options.batch ?? 20);
  for (const row of claimed) {
    const final = await record(db, row, await deliver(db, row).catch((err: Error) => ({ ok: false as const, retryable: true, reason: err.message })));
    if (final === 'failed') options.logger?.warn({ outboxId: row.id, messageId: row.message_id }, 'reply delivery failed for good');
  }
  return claimed.length;
}

/** Runs dispatchDue every `intervalMs` (and at once when it had a full batch); stop() waits for the pass in progress. */
export function startOutboxDispatcher(db: Db, logger: Logger, intervalMs = 500) {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = (async () => {
      try {
        const handled = await dispatchDue(db, { logger });
        if (!stopped) timer = setTimeout(tick, handled >= 20 ? 0 : intervalMs);
      } catch (err) {
        logger.error({ err }, 'outbox pass failed');
        if (!stopped) timer = setTimeout(tick, intervalMs * 4);
      }
    })();
  };
  timer = setTimeout(tick, intervalMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
