// The normalized form of one Meta webhook item, and the ids kept on the stored message so a reply can find
// its way back (metadata.meta): the comment to answer publicly or privately, or the person to message.
import type { Attachment } from '../../db/schema/index.ts';

export type MetaNetwork = 'facebook' | 'instagram';

/** Stored as `metadata.meta` on every inbound Meta message. */
export type MetaMessageRef = {
  network: MetaNetwork;
  /** message: a DM (Messenger / Instagram Direct); comment: a comment or reply; post: a visitor post on the Page. */
  kind: 'message' | 'comment' | 'post';
  /** The mid, comment id or post id. */
  id: string;
  /** The Page or Instagram account that received it. */
  accountId: string;
  postId?: string;
  mediaId?: string;
  parentId?: string;
  /** Every comment under one post or media shares this key, and so one conversation. */
  threadKey?: string;
  username?: string;
  quickReplyPayload?: string;
  replyToMid?: string;
};

export type MetaEvent = {
  externalId: string;
  sender: { externalId: string; displayName: string | null };
  text: string;
  attachments: Attachment[];
  visibility: 'public' | 'private';
  at: Date;
  /** Comments are grouped by post; DMs have none and follow the person's open private conversation. */
  thread: { key: string; subject: string } | null;
  ref: MetaMessageRef;
};

/** One item of a webhook: an event to store, an event that is none of ours to store, or an unreadable one. */
export type ItemReading = { event: MetaEvent } | { ignored: string } | { problem: string };

export type ReadContext = { network: MetaNetwork; accountId: string; entryTime: Date };

/** Meta mixes seconds (feed), milliseconds (messaging) and ISO strings; anything else means "now". */
export function toDate(value: unknown, fallback: Date): Date {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return new Date(value < 1e12 ? value * 1000 : value);
  if (typeof value === 'string') {
    const numeric = Number(value);
    if (Number.isFinite(numeric) && numeric > 0) return toDate(numeric, fallback);
    const parsed = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (Number.isFinite(parsed)) return new Date(parsed);
  }
  return fallback;
}

/** Reads `metadata.meta` back from a stored message (the outbox hands it over as inReplyTo.metadata). */
export function readMessageRef(metadata: Record<string, unknown> | null | undefined): MetaMessageRef | null {
  const ref = metadata?.meta as Partial<MetaMessageRef> | undefined;
  if (!ref || typeof ref !== 'object' || typeof ref.id !== 'string' || !ref.kind) return null;
  return ref as MetaMessageRef;
}
