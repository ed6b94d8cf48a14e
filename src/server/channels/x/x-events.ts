// Reads an Account Activity delivery into customer messages: mentions and replies (tweet_create_events,
// public) and direct messages (direct_message_events, private). The brand's own posts and messages come back
// through the same webhook and are skipped; other event types (likes, follows, typing...) carry no message.
import { z } from 'zod';
import type { Attachment } from '../../db/schema/index.ts';

const urlEntities = z.object({ urls: z.array(z.object({ url: z.string(), expanded_url: z.string().nullish() })).optional() }).optional();
const media = z.object({ media_url_https: z.string(), type: z.string().optional() });
const user = z.object({
  id_str: z.string().min(1), name: z.string().optional(), screen_name: z.string().optional(),
  followers_count: z.number().optional(), verified: z.boolean().optional(),
});
const tweet = z.object({
  id_str: z.string().regex(/^\d+$/),
  text: z.string().optional(),
  extended_tweet: z.object({ full_text: z.string(), entities: urlEntities }).optional(),
  user,
  timestamp_ms: z.string().optional(),
  created_at: z.string().optional(),
  in_reply_to_status_id_str: z.string().nullish(),
  retweeted_status: z.unknown().optional(),
  entities: urlEntities,
  extended_entities: z.object({ media: z.array(media) }).optional(),
}).refine((t) => t.text !== undefined || t.extended_tweet !== undefined, { message: 'a tweet needs text', path: ['text'] });
const dmEvent = z.object({
  type: z.string(),
  id: z.string().min(1),
  created_timestamp: z.string().optional(),
  message_create: z.object({
    sender_id: z.string().min(1),
    target: z.object({ recipient_id: z.string().min(1) }),
    message_data: z.object({ text: z.string(), entities: urlEntities, attachment: z.object({ media }).optional() }),
  }).optional(),
}).refine((e) => e.type !== 'message_create' || e.message_create !== undefined, { message: 'required for message_create', path: ['message_create'] });
const dmUser = z.object({ name: z.string().optional(), screen_name: z.string().optional(), followers_count: z.number().optional(), verified: z.boolean().optional() });
const activity = z.object({
  for_user_id: z.string().min(1),
  tweet_create_events: z.array(tweet).optional(),
  direct_message_events: z.array(dmEvent).optional(),
  users: z.record(z.string(), dmUser).optional(),
});

export type XInbound = {
  externalId: string;
  visibility: 'public' | 'private';
  text: string;
  at: Date;
  sender: { externalId: string; displayName: string | null };
  inReplyToTweetId: string | null;
  attachments: Attachment[];
  metadata: Record<string, unknown>;
};

type Entities = z.infer<typeof urlEntities>;
/** X shortens every link to t.co: agents read the real address. */
const expandLinks = (text: string, entities: Entities) =>
  (entities?.urls ?? []).reduce((t, u) => (u.expanded_url ? t.split(u.url).join(u.expanded_url) : t), text);
const toAttachment = (m: z.infer<typeof media>): Attachment => ({
  name: m.media_url_https.split('/').pop() ?? 'media', contentType: m.type === 'photo' ? 'image/jpeg' : m.type === 'video' ? 'video/mp4' : 'application/octet-stream',
  size: 0, url: m.media_url_https,
});
const dateFrom = (ms: string | undefined, text?: string) => {
  const at = new Date(ms ? Number(ms) : text ? Date.parse(text) : Date.now());
  return Number.isNaN(at.getTime()) ? new Date() : at;
};

export function readAccountActivity(body: unknown): { forUserId: string; messages: XInbound[] } | { reason: string } {
  const parsed = activity.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { reason: `${issue.path.join('.') || 'body'}: ${issue.message}` };
  }
  const { for_user_id: brand, users = {} } = parsed.data;
  const out: XInbound[] = [];
  for (const t of parsed.data.tweet_create_events ?? []) {
    // The brand's own posts (our replies included) and plain retweets are not customer messages.
    if (t.user.id_str === brand || t.retweeted_status) continue;
    const name = t.user.screen_name ?? null;
    out.push({
      externalId: t.id_str, visibility: 'public',
      text: t.extended_tweet ? expandLinks(t.extended_tweet.full_text, t.extended_tweet.entities) : expandLinks(t.text ?? '', t.entities),
      at: dateFrom(t.timestamp_ms, t.created_at),
      sender: { externalId: t.user.id_str, displayName: t.user.name ?? (name ? `@${name}` : null) },
      inReplyToTweetId: t.in_reply_to_status_id_str ?? null,
      attachments: (t.extended_entities?.media ?? []).map(toAttachment),
      metadata: {
        // Reach of the author: triage weighs a public complaint by its audience (reputation risk).
        audience: { followers: t.user.followers_count ?? null, verified: t.user.verified ?? false },
        x: { kind: 'tweet', tweetId: t.id_str, userId: t.user.id_str, screenName: name, inReplyToTweetId: t.in_reply_to_status_id_str ?? null,
          forUserId: brand, url: name ? `https://x.com/${name}/status/${t.id_str}` : null },
      },
    });
  }
  for (const e of parsed.data.direct_message_events ?? []) {
    const dm = e.message_create;
    if (e.type !== 'message_create' || !dm || dm.sender_id === brand) continue;
    const sender = users[dm.sender_id];
    out.push({
      externalId: e.id, visibility: 'private',
      text: expandLinks(dm.message_data.text, dm.message_data.entities),
      at: dateFrom(e.created_timestamp),
      sender: { externalId: dm.sender_id, displayName: sender?.name ?? (sender?.screen_name ? `@${sender.screen_name}` : null) },
      inReplyToTweetId: null,
      attachments: dm.message_data.attachment ? [toAttachment(dm.message_data.attachment.media)] : [],
      metadata: {
        audience: { followers: sender?.followers_count ?? null, verified: sender?.verified ?? false },
        x: { kind: 'dm', eventId: e.id, userId: dm.sender_id, screenName: sender?.screen_name ?? null, recipientId: dm.target.recipient_id, forUserId: brand },
      },
    });
  }
  return { forUserId: brand, messages: out };
}
