// A web form has no way back to the visitor but their email address: replies leave by email, through the
// channel's own SMTP relay (a brand sending from its domain) or else the server's RELAIS_SMTP_URL.
// SMTP's own classes decide the outbox's next step: 5xx is permanent, 4xx and connection errors are retried.
import nodemailer from 'nodemailer';
import type { OutboundMessage, SendResult } from '../channel-adapter.ts';

export type MailRoute = { smtpUrl: string | undefined; from: string };

export const NO_SMTP_REASON = 'web-form replies are sent by email: set RELAIS_SMTP_URL or the channel\'s smtpUrl';

export async function sendReplyByEmail(message: OutboundMessage, mail: MailRoute): Promise<SendResult> {
  if (!mail.smtpUrl) return { ok: false, retryable: false, reason: NO_SMTP_REASON };
  const to = message.recipient.externalId;
  if (!/^[^\s@]+@[^\s@]+$/.test(to)) return { ok: false, retryable: false, reason: 'the visitor left no usable email address' };
  const transport = nodemailer.createTransport(mail.smtpUrl);
  try {
    const info = await transport.sendMail({
      from: mail.from,
      to: message.recipient.displayName ? { name: message.recipient.displayName, address: to } : to,
      subject: message.subject ? `Re: ${message.subject}` : 'Réponse à votre message / Reply to your message',
      text: message.body,
    });
    return { ok: true, externalId: info.messageId ?? null };
  } catch (err) {
    const e = err as Error & { responseCode?: number; code?: string };
    const permanent = e.responseCode !== undefined ? e.responseCode >= 500 : e.code === 'EENVELOPE';
    return { ok: false, retryable: !permanent, reason: `email not sent: ${e.message}`.slice(0, 500) };
  } finally {
    transport.close();
  }
}
