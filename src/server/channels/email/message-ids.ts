// Message-IDs as Relais stores them: always "<local@domain>", the form mailparser and nodemailer use, so an
// inbound In-Reply-To compares equal to the externalId stored for the message it answers.
import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_REFERENCES = 30;

export function normalizeMessageId(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  const inner = v.replace(/^<+/, '').replace(/>+$/, '').trim();
  return inner && !/\s/.test(inner) ? `<${inner}>` : null;
}

/** In-Reply-To then References (mailparser gives a string or an array), normalized, deduplicated, bounded. */
export function referencedIds(inReplyTo: string | undefined, references: string | string[] | undefined): string[] {
  const raw = [inReplyTo ?? '', ...(Array.isArray(references) ? references : [references ?? ''])]
    .flatMap((v) => v.match(/<[^<>\s]+>/g) ?? v.split(/\s+/));
  const ids = raw.map(normalizeMessageId).filter((v): v is string => v !== null);
  return [...new Set(ids)].slice(0, MAX_REFERENCES);
}

/** A mail without a Message-ID gets one from its bytes: the same mail sent again is still recognized. */
export function fallbackMessageId(raw: Buffer): string {
  return `<sha256.${createHash('sha256').update(raw).digest('hex')}@relais.invalid>`;
}

/**
 * Replies carry "<relais.<message uuid>@<brand domain>>": stable across delivery retries, and a customer's
 * answer to it names our message directly, without depending on what was recorded after sending.
 */
export function outboundMessageId(messageId: string, fromAddress: string): string {
  const domain = fromAddress.split('@')[1] || 'relais.invalid';
  return `<relais.${messageId}@${domain}>`;
}

export function relaisMessageUuid(messageId: string): string | null {
  const m = /^<relais\.([^@>]+)@[^>]+>$/.exec(messageId);
  return m && UUID.test(m[1]!) ? m[1]!.toLowerCase() : null;
}

/** The References header of a reply: the thread so far, then the message answered (RFC 5322 §3.6.4). */
export function replyReferences(previous: unknown, answered: string | null): string[] {
  const list = Array.isArray(previous) ? previous.filter((v): v is string => typeof v === 'string') : [];
  const all = [...list, ...(answered ? [answered] : [])].map(normalizeMessageId).filter((v): v is string => v !== null);
  // Keep the thread's root and the most recent ids when a long thread would make the header huge.
  const unique = [...new Set(all)];
  return unique.length <= MAX_REFERENCES ? unique : [unique[0]!, ...unique.slice(-(MAX_REFERENCES - 1))];
}
