// Where a reply goes, from the message it answers (inReplyTo.metadata.meta, written at intake):
//   public, answering a comment  → facebook POST /{comment-id}/comments, instagram POST /{comment-id}/replies
//   private, answering a comment → Send API with recipient { comment_id } (a "private reply": moves to DM)
//   private otherwise            → Send API to the person's PSID / IGSID, messaging_type RESPONSE
import type { OutboundMessage, SendResult } from '../channel-adapter.ts';
import { postToGraph } from './graph-client.ts';
import { readMessageRef, type MetaNetwork } from './meta-event.ts';
import type { MetaAccess } from './meta-settings.ts';

type Delivery = { path: string; body: Record<string, unknown> } | { refused: string };

/** Messenger shows at most 13 quick replies and cuts titles at 20 characters. */
const MAX_QUICK_REPLIES = 13;
const MAX_TITLE = 20;

type QuickReply = { content_type: 'text'; title: string; payload: string };

export function quickRepliesOf(metadata: Record<string, unknown>): QuickReply[] {
  const list = Array.isArray(metadata.quickReplies) ? metadata.quickReplies : [];
  return list
    .filter((q): q is { id: string | number; label: string } =>
      !!q && typeof q === 'object' && typeof (q as { label?: unknown }).label === 'string' && (q as { label: string }).label.trim() !== ''
      && ['string', 'number'].includes(typeof (q as { id?: unknown }).id))
    .slice(0, MAX_QUICK_REPLIES)
    .map((q) => ({ content_type: 'text', title: Array.from(q.label.trim()).slice(0, MAX_TITLE).join(''), payload: String(q.id) }));
}

export function planDelivery(network: MetaNetwork, message: OutboundMessage): Delivery {
  const ref = readMessageRef(message.inReplyTo?.metadata);
  const target = ref && ref.kind !== 'message' ? ref : null;
  if (message.isPublic) {
    if (!target) return { refused: 'a public reply on Meta answers a comment or post, and this reply answers neither' };
    if (network === 'instagram') return { path: `/${encodeURIComponent(target.id)}/replies`, body: { message: message.body } };
    return { path: `/${encodeURIComponent(target.id)}/comments`, body: { message: message.body } };
  }
  const quickReplies = quickRepliesOf(message.metadata);
  const text = { text: message.body, ...(quickReplies.length > 0 ? { quick_replies: quickReplies } : {}) };
  if (target) {
    const recipient = target.kind === 'post' ? { post_id: target.id } : { comment_id: target.id };
    // Instagram private replies are documented as text only.
    return { path: '/me/messages', body: { recipient, message: network === 'instagram' ? { text: message.body } : text } };
  }
  if (!message.recipient.externalId) return { refused: 'the contact has no Messenger / Instagram id to write to' };
  return { path: '/me/messages', body: { recipient: { id: message.recipient.externalId }, messaging_type: 'RESPONSE', message: text } };
}

export async function sendToMeta(network: MetaNetwork, message: OutboundMessage, access: MetaAccess): Promise<SendResult> {
  const delivery = planDelivery(network, message);
  if ('refused' in delivery) return { ok: false, retryable: false, reason: delivery.refused };
  return postToGraph(access, delivery.path, delivery.body);
}
