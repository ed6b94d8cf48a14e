// Replies on X through API v2: a public reply is a post answering the customer's post (a short thread when
// long); a private one is a direct message. 429, 5xx and network failures are retried; other refusals
// (expired token 401, not allowed 403, invalid 400) end the reply as failed with X's reason.
import type { OutboundMessage, SendResult } from '../channel-adapter.ts';
import type { XSettings } from './x-settings.ts';
import { DM_MAX_CHARS, THREAD_MAX_POSTS, threadPosts } from './x-text.ts';

const TIMEOUT_MS = 15_000;
type XAnswer = { data: Record<string, unknown> } | { retryable: boolean; reason: string };

async function post(settings: XSettings, path: string, payload: unknown): Promise<XAnswer> {
  let res: Response;
  try {
    res = await fetch(`${settings.apiBaseUrl.replace(/\/+$/, '')}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${settings.bearerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    return { retryable: true, reason: `X unreachable: ${(err as Error).message}` };
  }
  const body = (await res.json().catch(() => ({}))) as { data?: Record<string, unknown>; title?: string; detail?: string; errors?: { message?: string }[] };
  if (res.ok && body.data) return { data: body.data };
  // X's errors are problem documents: {"title","detail","type","status"} (or "errors": [{"message"}]).
  const reason = `X ${res.status}: ${body.detail ?? body.errors?.[0]?.message ?? body.title ?? res.statusText}`;
  return { retryable: res.status === 408 || res.status === 429 || res.status >= 500, reason };
}

/** The customer's post this answers; never a direct message (a public reply to a DM would expose it). */
function postToAnswer(message: OutboundMessage): string | null {
  const answered = message.inReplyTo;
  const x = answered?.metadata.x as { kind?: string; tweetId?: string } | undefined;
  if (!answered || x?.kind === 'dm') return null;
  const id = x?.tweetId ?? answered.externalId;
  return id && /^\d+$/.test(id) ? id : null;
}

async function sendDirectMessage(message: OutboundMessage, settings: XSettings): Promise<SendResult> {
  const to = message.recipient.externalId;
  if (!/^\d+$/.test(to)) return { ok: false, retryable: false, reason: 'the contact has no X account id to write to' };
  if (message.body.length > DM_MAX_CHARS) return { ok: false, retryable: false, reason: `a direct message on X holds ${DM_MAX_CHARS} characters at most` };
  const answer = await post(settings, `/2/dm_conversations/with/${to}/messages`, { text: message.body });
  if ('data' in answer) return { ok: true, externalId: typeof answer.data.dm_event_id === 'string' ? answer.data.dm_event_id : null };
  return { ok: false, ...answer };
}

async function sendPublicReply(message: OutboundMessage, settings: XSettings): Promise<SendResult> {
  const answered = postToAnswer(message);
  if (!answered) return { ok: false, retryable: false, reason: 'a public reply on X must answer a post: send it as a direct message instead' };
  const posts = threadPosts(message.body);
  if (!posts) return { ok: false, retryable: false, reason: `too long for X (more than ${THREAD_MAX_POSTS} posts): shorten it or answer by direct message` };
  const ids: string[] = [];
  for (const text of posts) {
    // Each post of a thread answers the previous one, the first answers the customer.
    const answer = await post(settings, '/2/tweets', { text, reply: { in_reply_to_tweet_id: ids.at(-1) ?? answered } });
    if ('data' in answer && typeof answer.data.id === 'string') {
      ids.push(answer.data.id);
      continue;
    }
    const reason = 'data' in answer ? 'X answered without a post id' : answer.reason;
    // Posting again after part of a thread went out would repeat it in public: a partial thread ends failed.
    if (ids.length > 0) return { ok: false, retryable: false, reason: `posted ${ids.length} of ${posts.length} (${ids.join(', ')}), then ${reason}` };
    return { ok: false, retryable: 'data' in answer ? false : answer.retryable, reason };
  }
  return { ok: true, externalId: ids[0] ?? null };
}

export function sendX(message: OutboundMessage, settings: XSettings): Promise<SendResult> {
  return message.isPublic ? sendPublicReply(message, settings) : sendDirectMessage(message, settings);
}
