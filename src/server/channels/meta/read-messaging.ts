// Messenger and Instagram Direct `messaging` events: { sender: {id: PSID/IGSID}, recipient: {id: account},
// timestamp (ms), message: { mid, text, attachments, quick_reply, reply_to, is_echo } }. Deliveries, reads,
// reactions and postbacks carry no `message` and are not customer messages.
import { z } from 'zod';
import type { Attachment } from '../../db/schema/index.ts';
import { toDate, type ItemReading, type ReadContext } from './meta-event.ts';
import { describeIssues, graphIdSchema } from './read-common.ts';

const attachmentSchema = z.object({
  type: z.string(),
  payload: z.object({ url: z.string().optional(), title: z.string().optional() }).nullish(),
});

const messagingSchema = z.object({
  sender: z.object({ id: graphIdSchema }),
  recipient: z.object({ id: graphIdSchema }),
  timestamp: z.union([z.number(), z.string()]).optional(),
  message: z.object({
    mid: z.string().min(1),
    text: z.string().optional(),
    attachments: z.array(attachmentSchema).optional(),
    quick_reply: z.object({ payload: z.string() }).optional(),
    reply_to: z.object({ mid: z.string().optional() }).optional(),
  }),
});

const CONTENT_TYPES: Record<string, string> = { image: 'image/*', video: 'video/*', audio: 'audio/*', ig_reel: 'video/*', reel: 'video/*' };

function toAttachment(a: z.infer<typeof attachmentSchema>): Attachment {
  const url = a.payload?.url;
  return { name: a.payload?.title ?? a.type, contentType: CONTENT_TYPES[a.type] ?? 'application/octet-stream', size: 0, ...(url ? { url } : {}) };
}

export function readMessagingEvent(raw: unknown, ctx: ReadContext): ItemReading {
  if (!raw || typeof raw !== 'object') return { problem: 'the event is not an object' };
  const message = (raw as { message?: unknown }).message;
  if (message === undefined) return { ignored: 'not a message (delivery, read, reaction or postback)' };
  const flags = (message ?? {}) as { is_echo?: unknown; is_deleted?: unknown; is_unsupported?: unknown };
  // Echoes are the account's own messages (ours or sent from the Meta inbox): never a customer's.
  if (flags.is_echo === true) return { ignored: 'echo of a message the account sent' };
  if (flags.is_deleted === true) return { ignored: 'the sender deleted the message' };
  if (flags.is_unsupported === true) return { ignored: 'a message type Meta does not share with apps' };
  const parsed = messagingSchema.safeParse(raw);
  if (!parsed.success) return { problem: describeIssues(parsed.error) };
  const { sender, timestamp, message: m } = parsed.data;
  if (sender.id === ctx.accountId) return { ignored: 'sent by the account itself' };
  const attachments = (m.attachments ?? []).map(toAttachment);
  const text = m.text ?? '';
  if (text === '' && attachments.length === 0) return { problem: 'message: neither text nor attachments' };
  return {
    event: {
      externalId: m.mid,
      sender: { externalId: sender.id, displayName: null },
      text, attachments, visibility: 'private', at: toDate(timestamp, ctx.entryTime), thread: null,
      ref: {
        network: ctx.network, kind: 'message', id: m.mid, accountId: ctx.accountId,
        ...(m.quick_reply ? { quickReplyPayload: m.quick_reply.payload } : {}),
        ...(m.reply_to?.mid ? { replyToMid: m.reply_to.mid } : {}),
      },
    },
  };
}
