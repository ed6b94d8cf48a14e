// Delivers one reply of an API channel: a signed JSON POST to the integrator's webhook URL. The answer
// decides the outbox's next step: 2xx sent; 408, 429, 5xx, timeouts and network errors retried with
// backoff; any other answer (410 Gone, other 4xx, redirects) fails at once, visibly.
import type { ChannelRecord, OutboundMessage, SendResult } from '../channel-adapter.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './webhook-signature.ts';

export type WebhookSettings = { webhookUrl: string; webhookSecret: string; timeoutMs: number };

/** The body integrators receive (`type` leaves room for other events later). */
export function webhookPayload(message: OutboundMessage, channel: ChannelRecord, now = new Date()) {
  // Delivery bookkeeping is the outbox's business, not the receiver's.
  const { delivery: _delivery, ...metadata } = message.metadata;
  return {
    type: 'message.created' as const,
    createdAt: now.toISOString(),
    channel: { id: channel.id },
    message: {
      id: message.messageId,
      text: message.body,
      isPublic: message.isPublic,
      metadata,
      /** The caller's externalId of the customer message this answers, when known. */
      inReplyTo: message.inReplyTo?.externalId ?? null,
    },
    conversation: { id: message.conversationId, subject: message.subject },
    recipient: { id: message.recipient.externalId, name: message.recipient.displayName },
  };
}

/** A receiver may answer `{ "id": "..." }`: kept as the reply's external id. */
async function receiverId(res: Response): Promise<string | null> {
  try {
    const body = (await res.json()) as { id?: unknown };
    return typeof body?.id === 'string' && body.id.length > 0 && body.id.length <= 200 ? body.id : null;
  } catch {
    return null;
  }
}

export async function sendWebhook(message: OutboundMessage, channel: ChannelRecord, settings: WebhookSettings): Promise<SendResult> {
  const body = JSON.stringify(webhookPayload(message, channel));
  const timestamp = Math.floor(Date.now() / 1000);
  let res: Response;
  try {
    res = await fetch(settings.webhookUrl, {
      method: 'POST',
      body,
      // A redirect would be followed without the receiver having asked for this payload: refuse it.
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Relais-Webhook/1',
        'x-relais-delivery': message.messageId,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(settings.webhookSecret, timestamp, body),
      },
    });
  } catch (err) {
    const e = err as Error;
    const reason = e.name === 'TimeoutError' ? `webhook timed out after ${settings.timeoutMs} ms` : `webhook unreachable: ${e.message}`;
    return { ok: false, retryable: true, reason };
  }
  const status = res.status;
  if (status >= 200 && status < 300) return { ok: true, externalId: await receiverId(res) };
  await res.body?.cancel().catch(() => undefined);
  if (status === 410) return { ok: false, retryable: false, reason: 'webhook answered 410 Gone: the receiver no longer accepts messages' };
  if (status === 408 || status === 429 || status >= 500) return { ok: false, retryable: true, reason: `webhook answered HTTP ${status}` };
  if (status >= 300 && status < 400) return { ok: false, retryable: false, reason: `webhook answered a redirect (HTTP ${status}): configure the final URL` };
  return { ok: false, retryable: false, reason: `webhook refused the message (HTTP ${status})` };
}
