// Mail written by a machine: out-of-office replies, list traffic and delivery failures. Such mail is stored (an
// agent may want to see that the customer is away or that an address bounced) but never answered, or two
// auto-responders would write to each other forever. Headers decide first (RFC 3834, RFC 3464); subjects only
// in forms that a customer's own subject cannot take ("Absence de réponse" is a complaint, not an absence).

/** `kind` is also the metadata flag set on the stored message: `bounce: true` or `autoReply: true`. */
export type AutomatedMail = { kind: 'bounce' | 'autoReply'; reason: string } | null;

export type MailFacts = {
  /** mailparser's header map: lower-case names; content-type as { value, params }. */
  headers: Map<string, unknown>;
  fromAddress: string;
  /** The SMTP MAIL FROM: '' for the null sender <> used by bounces; undefined when unknown (IMAP). */
  envelopeFrom?: string;
  subject: string;
};

const headerText = (headers: Map<string, unknown>, name: string): string => {
  const v = headers.get(name);
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v.trim().toLowerCase();
  if (Array.isArray(v)) return v.map(String).join(' ').toLowerCase();
  if (typeof v === 'object' && 'value' in v) return String((v as { value: unknown }).value).toLowerCase();
  return String(v).toLowerCase();
};

const BOUNCE_SENDER = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;
const BOUNCE_SUBJECT = [
  /^(undeliverable|undelivered mail|undelivered message|returned mail|failure notice|delivery failure)\b/i,
  /^mail delivery (failed|failure|subsystem)/i,
  /^delivery status notification \((failure|delay)\)/i,
  /^(non remis|message non (remis|délivré)|échec de (la )?(remise|distribution))\b/i,
  /^unzustellbar\b/i,
];
const AUTO_REPLY_SUBJECT = [
  /^(r[ée]ponse automatique|automatic reply|auto[- ]?reply|auto[- ]?response|autosvar|automatische antwort)\b/i,
  /^auto\s*:/i,
  /\bout of (the )?office\b/i,
  /^(absence|absent|absente)\s*(:|du bureau|$|\(|-)/i,
  /^message d['’]absence\b/i,
  /^(abwesenheitsnotiz|abwesend)\b/i,
];

export function detectAutomatedMail(mail: MailFacts): AutomatedMail {
  const { headers } = mail;
  const contentType = headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const reportType = contentType?.value?.toLowerCase() === 'multipart/report' ? (contentType.params?.['report-type'] ?? '').toLowerCase() : '';
  if (reportType === 'delivery-status') return { kind: 'bounce', reason: 'multipart/report delivery-status' };
  if (BOUNCE_SENDER.test(mail.fromAddress)) return { kind: 'bounce', reason: `sender ${mail.fromAddress}` };
  const subject = mail.subject.trim();

  if (reportType) return { kind: 'autoReply', reason: `multipart/report ${reportType}` };
  const autoSubmitted = headerText(headers, 'auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return { kind: 'autoReply', reason: `Auto-Submitted: ${autoSubmitted}` };
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponder']) {
    if (headers.has(name)) return { kind: 'autoReply', reason: `${name} header` };
  }
  const suppress = headerText(headers, 'x-auto-response-suppress');
  if (/\b(all|oof|autoreply)\b/.test(suppress)) return { kind: 'autoReply', reason: `X-Auto-Response-Suppress: ${suppress}` };
  const precedence = headerText(headers, 'precedence');
  if (/^(bulk|junk|list|auto_reply)$/.test(precedence)) return { kind: 'autoReply', reason: `Precedence: ${precedence}` };
  if (headers.has('list-id') || headers.has('list-unsubscribe')) return { kind: 'autoReply', reason: 'mailing-list headers' };
  if (BOUNCE_SUBJECT.some((r) => r.test(subject))) return { kind: 'bounce', reason: `subject "${subject.slice(0, 80)}"` };
  if (AUTO_REPLY_SUBJECT.some((r) => r.test(subject))) return { kind: 'autoReply', reason: `subject "${subject.slice(0, 80)}"` };
  if (mail.envelopeFrom === '') return { kind: 'autoReply', reason: 'null sender <>' };
  return null;
}
