// A reply leaves as a plain-text mail through the SMTP relay, threaded so that the customer's mail program
// shows it under their message and their answer comes back into the same conversation.
import { and, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.ts';
import { conversations } from '../../db/schema/index.ts';
import type { ChannelRecord, OutboundMessage, SendResult } from '../channel-adapter.ts';
import type { EmailSettings } from './email-settings.ts';
import { normalizeMessageId, outboundMessageId, replyReferences } from './message-ids.ts';

/** What send() needs beyond its arguments: the process-wide relay and, to read the conversation's CC, the database. */
export type SendContext = { defaultSmtpUrl?: string | undefined; db?: Db | undefined };

const isAddress = (v: unknown): v is string => typeof v === 'string' && /^[^\s@<>]+@[^\s@<>]+$/.test(v);

/** "Re: <subject>", without stacking prefixes when the customer's subject already has one. */
export function replySubject(subject: string | null): string {
  const s = subject?.trim() || '';
  if (!s) return 'Re: votre message';
  return /^(re|aw|sv|r[ée]f)\s*:/i.test(s) ? s : `Re: ${s}`;
}

export async function sendEmailReply(message: OutboundMessage, channel: ChannelRecord, settings: EmailSettings, context: SendContext): Promise<SendResult> {
  const smtpUrl = settings.smtpUrl ?? context.defaultSmtpUrl;
  if (!smtpUrl) return { ok: false, retryable: false, reason: 'no SMTP relay: set RELAIS_SMTP_URL or the channel\'s smtpUrl' };
  const answered = message.inReplyTo?.metadata ?? {};
  const machine = answered.autoReply === true || answered.bounce === true;
  // Answer from the address the customer wrote to, when it is still one of the channel's.
  const from = typeof answered.supportAddress === 'string' && settings.addresses.includes(answered.supportAddress)
    ? answered.supportAddress : settings.addresses[0]!;
  // Reply-To is honoured for the customer's own mail, never for a machine's (an out-of-office could redirect us).
  const to = (!machine && isAddress(answered.replyTo) ? answered.replyTo : message.recipient.externalId).toLowerCase();
  if (!isAddress(to)) return { ok: false, retryable: false, reason: `no email address to answer to (${to || 'none'})` };
  const cc = (await conversationCc(message, channel, context.db))
    .map((a) => a.toLowerCase()).filter((a) => isAddress(a) && a !== to && !settings.addresses.includes(a));
  const inReplyTo = normalizeMessageId(message.inReplyTo?.externalId ?? (answered.emailMessageId as string | undefined));
  const signature = typeof message.metadata.signature === 'string' ? message.metadata.signature.trim() : '';
  const messageId = outboundMessageId(message.messageId, from);

  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
  try {
    await transport.sendMail({
      messageId,
      from: { name: settings.fromName, address: from },
      to: message.recipient.displayName ? { name: message.recipient.displayName, address: to } : to,
      ...(cc.length > 0 ? { cc: [...new Set(cc)] } : {}),
      subject: replySubject(message.subject),
      // "-- " (with the space) is the separator mail programs recognize and fold away.
      text: signature ? `${message.body}\n\n-- \n${signature}` : message.body,
      ...(inReplyTo ? { inReplyTo, references: replyReferences(answered.references, inReplyTo) } : {}),
      // Automatic answers say so (RFC 3834), so that the customer's own auto-responder stays silent.
      ...(message.metadata.autoSubmitted === true ? { headers: { 'Auto-Submitted': 'auto-replied' } } : {}),
    });
    return { ok: true, externalId: messageId };
  } catch (err) {
    return failure(err);
  } finally {
    transport.close();
  }
}

/** A 5xx answer is the relay refusing for good; 4xx, timeouts and connection errors may pass later. */
export function failure(err: unknown): SendResult & { ok: false } {
  const e = err as { responseCode?: number; code?: string; message?: string };
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const retryable = code === undefined ? true : code < 500;
  return { ok: false, retryable, reason: `smtp${code ? ` ${code}` : ''}${e.code ? ` ${e.code}` : ''}: ${e.message ?? String(err)}`.slice(0, 500) };
}

/** The CC the caller passed (metadata.cc), else the conversation's, read when send() has the database. */
async function conversationCc(message: OutboundMessage, channel: ChannelRecord, db: Db | undefined): Promise<string[]> {
  const given = message.metadata.cc;
  if (Array.isArray(given)) return given.filter(isAddress);
  if (!db) return [];
  const [row] = await db.select({ cc: conversations.cc }).from(conversations)
    .where(and(eq(conversations.id, message.conversationId), eq(conversations.orgId, channel.orgId)));
  return row?.cc ?? [];
}
