// A message as a community expert sees it: free text masked, the HTML and the channel's own ids dropped,
// attachments named but not linked, and only the metadata the desk needs (delivery, quick replies, citations).
import type { MessageDto } from '../conversations/messages.service.ts';
import type { Redaction } from './redaction.ts';

/** Channel plumbing with no personal data. Identities (from, to, cc, sender ids, screen names, phone
 * details, API payloads) are left out; the email ones come back when the brand grants emails. */
const SAFE_METADATA_KEYS = new Set([
  'delivery', 'signature', 'quickReply', 'quickReplies', 'clientMessageId', 'citations', 'autoAnswer', 'awaitingFeedback',
  'templateId', 'inReplyTo', 'sentAt', 'autoReply', 'bounce', 'automatedReason', 'droppedAttachments', 'audience',
]);
const EMAIL_METADATA_KEYS = new Set(['from', 'to', 'cc', 'replyTo']);

export function redactMessage(m: MessageDto, redaction: Redaction | null): MessageDto {
  if (!redaction) return m;
  const emailsShown = redaction.policy.visible.has('email');
  const metadata = Object.fromEntries(
    Object.entries(m.metadata)
      .filter(([key]) => SAFE_METADATA_KEYS.has(key) || (emailsShown && EMAIL_METADATA_KEYS.has(key)))
      .map(([key, value]) => [key, redaction.deep(value)]),
  );
  return {
    ...m,
    body: redaction.text(m.body),
    // The plain body carries the same text; masking inside markup is not worth the risk of missing a piece.
    bodyHtml: null,
    externalId: null,
    attachments: m.attachments.map(({ name, contentType, size }) => ({ name: redaction.text(name), contentType, size })),
    triage: redaction.deep(m.triage),
    delivery: redaction.deep(m.delivery),
    metadata,
  };
}
