// One received mail → one stored message per receiving channel, through intake. Used by the SMTP listener and
// usable as is by a mailbox poller. Throws UnreadableMailError for mail that no retry will make readable.
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { Db } from '../../db/client.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import type { Metrics } from '../../ops/metrics.ts';
import { acceptInbound } from '../../intake/accept-inbound.ts';
import type { IntakeResult } from '../../intake/receive-inbound-message.ts';
import type { EmailChannel } from './email-directory.ts';
import { detectAutomatedMail } from './detect-automated-mail.ts';
import { fallbackMessageId, normalizeMessageId, referencedIds } from './message-ids.ts';
import { sanitizeEmailHtml } from './sanitize-email-html.ts';
import { droppedAttachmentsNote, storeAttachments } from './store-attachments.ts';
import { addConversationCc, findEmailThread } from './find-email-thread.ts';

export class UnreadableMailError extends Error {}

export type IngestDeps = { db: Db; queue: JobQueue | undefined; dataDir: string; metrics?: Metrics; isSupportAddress(address: string): boolean };
/** A receiving channel and the address of it the mail was sent to. */
export type MailTarget = EmailChannel & { address: string };

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((o) => o.value)
    .flatMap((a) => [a, ...(a.group ?? [])]).map((a) => a.address?.trim().toLowerCase() ?? '').filter((a) => a.includes('@'));

export async function ingestEmail(deps: IngestDeps, targets: MailTarget[], raw: Buffer, envelopeFrom?: string): Promise<IntakeResult[]> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { keepCidLinks: true, skipTextToHtml: true });
  } catch (err) {
    throw new UnreadableMailError(`the mail cannot be parsed: ${(err as Error).message}`);
  }
  const fromEntry = (parsed.from?.value ?? []).find((a) => a.address);
  const fromAddress = (fromEntry?.address ?? envelopeFrom ?? '').trim().toLowerCase();
  if (!fromAddress.includes('@')) throw new UnreadableMailError('the mail has no sender address');

  const messageId = normalizeMessageId(parsed.messageId) ?? fallbackMessageId(raw);
  const subject = parsed.subject?.trim() || null;
  const automated = detectAutomatedMail({ headers: parsed.headers as Map<string, unknown>, fromAddress, envelopeFrom, subject: subject ?? '' });
  const references = referencedIds(parsed.inReplyTo, parsed.references);
  // A bounce rarely has In-Reply-To, but it carries the returned mail's headers: thread it by those.
  const threadIds = automated?.kind === 'bounce' ? [...references, ...returnedMessageIds(parsed)] : references;
  const to = addresses(parsed.to);
  const cc = addresses(parsed.cc);
  const replyTo = addresses(parsed.replyTo)[0];
  const html = typeof parsed.html === 'string' ? sanitizeEmailHtml(parsed.html) : null;
  const text = (parsed.text ?? '').replace(/\r\n/g, '\n').trim();

  const results: IntakeResult[] = [];
  for (const target of targets) {
    const { channel, settings } = target;
    const { stored, dropped } = await storeAttachments(deps.dataDir, channel.orgId, parsed.attachments, settings.maxAttachmentBytes);
    const note = dropped.length > 0 ? droppedAttachmentsNote(dropped, settings.maxAttachmentBytes) : '';
    const input = {
      orgId: channel.orgId, channelId: channel.id, externalId: messageId, subject,
      // Not verified: a From header proves nothing without SPF/DKIM/DMARC checks, so it must not join another contact.
      sender: { externalId: fromAddress, displayName: fromEntry?.name?.trim() || null, email: fromAddress, verified: false },
      text: [text, note].filter(Boolean).join('\n\n'), html: html || null, attachments: stored,
      conversationId: await findEmailThread(deps.db, channel, threadIds),
      metadata: {
        emailMessageId: messageId, references, from: fromAddress, to, cc, supportAddress: target.address,
        ...(replyTo && replyTo !== fromAddress ? { replyTo } : {}),
        ...(parsed.date ? { sentAt: parsed.date.toISOString() } : {}),
        // The flags the triage job checks so that no answer ever goes to a machine (no reply loop).
        ...(automated ? { [automated.kind]: true, automatedReason: automated.reason } : {}),
        ...(dropped.length > 0 ? { droppedAttachments: dropped } : {}),
      },
    };
    // Stores, counts and queues triage; without a queue the triage sweeper picks the message up later.
    const result = await acceptInbound(deps, input);
    // CC is kept for the replies ("reply all"), without the brand's own addresses; machines' mail adds none.
    if (!automated) {
      const others = [...to, ...cc].filter((a) => a !== fromAddress && !settings.addresses.includes(a) && !deps.isSupportAddress(a));
      await addConversationCc(deps.db, channel.orgId, result.conversationId, [...new Set(others)], { address: fromAddress, contactId: result.contactId });
    }
    results.push(result);
  }
  return results;
}

/** Message-IDs in the returned message of a delivery report (message/rfc822 or text/rfc822-headers part). */
function returnedMessageIds(parsed: ParsedMail): string[] {
  return parsed.attachments
    .filter((a) => /^(message\/rfc822|text\/rfc822-headers|message\/global)/i.test(a.contentType))
    .flatMap((a) => [...a.content.subarray(0, 65_536).toString('utf8').matchAll(/^message-id:\s*(<[^>\s]+>)/gim)].map((m) => m[1]!));
}
