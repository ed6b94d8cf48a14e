// `changes` items: Page `feed` (comments and visitor posts) and Instagram `comments`. Both are public: every
// comment under one post (or Instagram media) belongs to one conversation, keyed by the post.
import { z } from 'zod';
import { toDate, type ItemReading, type ReadContext } from './meta-event.ts';
import { describeIssues, graphIdSchema } from './read-common.ts';
import { readMessagingEvent } from './read-messaging.ts';

const feedSchema = z.object({
  item: z.string(),
  verb: z.string(),
  post_id: graphIdSchema,
  comment_id: graphIdSchema.optional(),
  parent_id: graphIdSchema.optional(),
  from: z.object({ id: graphIdSchema, name: z.string().optional() }),
  message: z.string().optional(),
  photo: z.string().optional(),
  video: z.string().optional(),
  created_time: z.union([z.number(), z.string()]).optional(),
});

const igCommentSchema = z.object({
  id: graphIdSchema,
  text: z.string().optional(),
  from: z.object({ id: graphIdSchema, username: z.string().optional() }),
  media: z.object({ id: graphIdSchema }),
  parent_id: graphIdSchema.optional(),
});

/** Posts and comments are what customers write; likes, reactions, shares and edits are not messages. */
const FEED_ITEMS = new Set(['comment', 'post', 'status']);

function readFeedChange(value: unknown, ctx: ReadContext): ItemReading {
  const v = (value ?? {}) as { item?: unknown; verb?: unknown };
  if (typeof v.item === 'string' && !FEED_ITEMS.has(v.item)) return { ignored: `feed item "${v.item}"` };
  if (typeof v.verb === 'string' && v.verb !== 'add') return { ignored: `feed verb "${v.verb}"` };
  const parsed = feedSchema.safeParse(value);
  if (!parsed.success) return { problem: describeIssues(parsed.error) };
  const f = parsed.data;
  if (f.item === 'comment' && !f.comment_id) return { problem: 'comment_id: required for a comment' };
  // Our own replies come back through the feed webhook: answering them would loop.
  if (f.from.id === ctx.accountId) return { ignored: 'written by the Page itself' };
  const isComment = f.item === 'comment';
  const id = isComment ? f.comment_id! : f.post_id;
  const attachments = [
    ...(f.photo ? [{ name: 'photo', contentType: 'image/*', size: 0, url: f.photo }] : []),
    ...(f.video ? [{ name: 'video', contentType: 'video/*', size: 0, url: f.video }] : []),
  ];
  return {
    event: {
      externalId: id,
      sender: { externalId: f.from.id, displayName: f.from.name ?? null },
      text: f.message ?? '', attachments, visibility: 'public', at: toDate(f.created_time, ctx.entryTime),
      thread: { key: `post:${f.post_id}`, subject: `Facebook post ${f.post_id}` },
      ref: {
        network: 'facebook', kind: isComment ? 'comment' : 'post', id, accountId: ctx.accountId, postId: f.post_id,
        threadKey: `post:${f.post_id}`, ...(f.parent_id && isComment ? { parentId: f.parent_id } : {}),
      },
    },
  };
}

function readInstagramComment(value: unknown, ctx: ReadContext): ItemReading {
  const parsed = igCommentSchema.safeParse(value);
  if (!parsed.success) return { problem: describeIssues(parsed.error) };
  const c = parsed.data;
  if (c.from.id === ctx.accountId) return { ignored: 'written by the Instagram account itself' };
  return {
    event: {
      externalId: c.id,
      sender: { externalId: c.from.id, displayName: c.from.username ?? null },
      // Instagram comments carry no time of their own: the entry's time is when Meta sent it.
      text: c.text ?? '', attachments: [], visibility: 'public', at: ctx.entryTime,
      thread: { key: `media:${c.media.id}`, subject: `Instagram media ${c.media.id}` },
      ref: {
        network: 'instagram', kind: 'comment', id: c.id, accountId: ctx.accountId, mediaId: c.media.id,
        threadKey: `media:${c.media.id}`, ...(c.from.username ? { username: c.from.username } : {}),
        ...(c.parent_id ? { parentId: c.parent_id } : {}),
      },
    },
  };
}

export function readChange(raw: unknown, ctx: ReadContext): ItemReading {
  if (!raw || typeof raw !== 'object') return { problem: 'the change is not an object' };
  const { field, value } = raw as { field?: unknown; value?: unknown };
  if (typeof field !== 'string') return { problem: 'field: required' };
  if (ctx.network === 'facebook' && field === 'feed') return readFeedChange(value, ctx);
  if (ctx.network === 'instagram' && (field === 'comments' || field === 'live_comments')) return readInstagramComment(value, ctx);
  // The app dashboard's "Test" button sends Instagram messages in this form instead of `messaging`.
  if (ctx.network === 'instagram' && field === 'messages') return readMessagingEvent(value, ctx);
  return { ignored: `field "${field}"` };
}
