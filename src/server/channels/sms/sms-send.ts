// Outbound SMS through Twilio's REST API (Messages resource). Vendor errors become a SendResult: a refusal
// (4xx: invalid number, unsubscribed recipient, bad credentials) ends the reply as failed; 429, 5xx and
// network failures are retried by the outbox.
import type { ChannelRecord, OutboundMessage, SendResult } from '../channel-adapter.ts';
import type { SmsSettings } from './sms-settings.ts';

/** Twilio refuses a Body over 1,600 characters (error 21617); longer replies go as several messages. */
export const SMS_MAX_CHARS = 1600;
const TIMEOUT_MS = 15_000;

export function splitSms(text: string, max = SMS_MAX_CHARS): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while ([...rest].length > max) {
    const head = [...rest].slice(0, max).join('');
    const cut = head.lastIndexOf(' ') > max / 2 ? head.lastIndexOf(' ') : head.length;
    parts.push(head.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Where Twilio reports this channel's delivery statuses (needs the public URL and the channel's webhook key). */
export function statusCallbackUrl(channel: ChannelRecord & { webhookKey?: string }, publicUrl: string | undefined): string | undefined {
  if (!publicUrl || !channel.webhookKey) return undefined;
  return `${publicUrl.replace(/\/+$/, '')}/hooks/sms/${channel.webhookKey}/status`;
}

type TwilioAnswer = { sid: string | null } | { retryable: boolean; reason: string };

async function createMessage(settings: SmsSettings, form: Record<string, string>): Promise<TwilioAnswer> {
  const url = `${settings.apiBaseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    return { retryable: true, reason: `Twilio unreachable: ${(err as Error).message}` };
  }
  const body = (await res.json().catch(() => ({}))) as { sid?: unknown; code?: unknown; message?: unknown };
  if (res.ok) return { sid: typeof body.sid === 'string' ? body.sid : null };
  // Twilio's error body: {"code": 21211, "message": "...", "more_info": "...", "status": 400}
  const reason = `Twilio ${res.status}${body.code ? ` error ${body.code}` : ''}: ${typeof body.message === 'string' ? body.message : res.statusText}`;
  return { retryable: res.status === 408 || res.status === 429 || res.status >= 500, reason };
}

export async function sendSms(message: OutboundMessage, channel: ChannelRecord, settings: SmsSettings, fallbackPublicUrl?: string): Promise<SendResult> {
  const to = message.recipient.externalId;
  if (!to) return { ok: false, retryable: false, reason: 'the contact has no phone number on this channel' };
  const parts = splitSms(message.body);
  if (parts.length === 0) return { ok: false, retryable: false, reason: 'empty reply' };
  const callback = statusCallbackUrl(channel, settings.publicUrl ?? fallbackPublicUrl);
  const sids: (string | null)[] = [];
  for (const body of parts) {
    const answer = await createMessage(settings, {
      To: to, Body: body,
      ...(settings.messagingServiceSid ? { MessagingServiceSid: settings.messagingServiceSid } : { From: settings.fromNumber! }),
      ...(callback ? { StatusCallback: callback } : {}),
    });
    if ('sid' in answer) {
      sids.push(answer.sid);
      continue;
    }
    // Retrying after a part went out would send it twice: a partial send ends failed, saying what left.
    if (sids.length > 0) return { ok: false, retryable: false, reason: `sent ${sids.length} of ${parts.length} parts (${sids.join(', ')}), then ${answer.reason}` };
    return { ok: false, retryable: answer.retryable, reason: answer.reason };
  }
  return { ok: true, externalId: sids[0] ?? null };
}
