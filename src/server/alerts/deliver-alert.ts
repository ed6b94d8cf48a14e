// Delivers an alert outside the app: a signed webhook and emails. Each attempt's outcome is returned
// (and stored on the alert), never thrown: one unreachable receiver must not stop the others.
import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { OrgSettings } from '../organizations/org-settings.ts';

export type AlertPayload = {
  id: string; kind: string; orgId: string; conversationId: string; messageId: string | null;
  summary: string; severity: string; createdAt: string; url: string | null;
};
export type Delivery = { channel: 'webhook' | 'email'; target: string; ok: boolean; detail: string; at: string };
export type MailSettings = { smtpUrl: string | undefined; from: string };

export function signAlertBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function postWebhook(url: string, secret: string | null, payload: AlertPayload): Promise<Delivery> {
  const body = JSON.stringify({ type: 'alert.raised', alert: payload });
  const at = new Date().toISOString();
  try {
    const res = await fetch(url, {
      method: 'POST', body, signal: AbortSignal.timeout(5000),
      headers: { 'content-type': 'application/json', ...(secret ? { 'x-relais-signature': signAlertBody(body, secret) } : {}) },
    });
    return { channel: 'webhook', target: url, ok: res.ok, detail: `HTTP ${res.status}`, at };
  } catch (err) {
    return { channel: 'webhook', target: url, ok: false, detail: (err as Error).message, at };
  }
}

async function sendEmails(to: string[], mail: MailSettings, payload: AlertPayload): Promise<Delivery[]> {
  const at = new Date().toISOString();
  if (!mail.smtpUrl) return to.map((target) => ({ channel: 'email', target, ok: false, detail: 'RELAIS_SMTP_URL is not set', at }));
  const transport = nodemailer.createTransport(mail.smtpUrl);
  try {
    await transport.sendMail({
      from: mail.from, to,
      subject: `[Relais] ALERTE ${payload.kind.toUpperCase()} : ${payload.summary.slice(0, 80)}`,
      text: `Un message demande une intervention immédiate / A message needs immediate action.\n\n${payload.summary}\n\n` +
        `Conversation : ${payload.url ?? payload.conversationId}\n`,
    });
    return to.map((target) => ({ channel: 'email', target, ok: true, detail: 'sent', at }));
  } catch (err) {
    return to.map((target) => ({ channel: 'email', target, ok: false, detail: (err as Error).message, at }));
  } finally {
    transport.close();
  }
}

export async function deliverAlert(payload: AlertPayload, settings: OrgSettings['alerts'], mail: MailSettings): Promise<Delivery[]> {
  const deliveries: Promise<Delivery | Delivery[]>[] = [];
  if (settings.webhookUrl) deliveries.push(postWebhook(settings.webhookUrl, settings.webhookSecret, payload));
  if (settings.emails.length > 0) deliveries.push(sendEmails(settings.emails, mail, payload));
  return (await Promise.all(deliveries)).flat();
}
