// Mails the invitation link when an SMTP relay is configured (RELAIS_SMTP_URL). The outcome is returned,
// never thrown: the invitation exists either way and its link is in the API's answer.
import nodemailer from 'nodemailer';
import type { MailSettings } from '../alerts/deliver-alert.ts';

export type InvitationMail = { to: string; name: string; brand: string; url: string; expiresAt: Date; locale: string };
export type MailOutcome = { sent: boolean; detail: string };

const TEXT = {
  fr: (m: InvitationMail) => ({
    subject: `${m.brand} vous invite à rejoindre ses experts`,
    text: `Bonjour ${m.name},\n\n${m.brand} vous invite à aider d'autres clients en tant qu'expert de sa communauté.\n\n` +
      `Choisissez votre mot de passe ici (lien valable jusqu'au ${m.expiresAt.toLocaleDateString('fr-FR')}, utilisable une fois) :\n${m.url}\n`,
  }),
  en: (m: InvitationMail) => ({
    subject: `${m.brand} invites you to join its experts`,
    text: `Hello ${m.name},\n\n${m.brand} invites you to help other customers as a community expert.\n\n` +
      `Choose your password here (valid until ${m.expiresAt.toLocaleDateString('en-GB')}, usable once):\n${m.url}\n`,
  }),
};

export async function sendInvitationEmail(mail: MailSettings, invitation: InvitationMail): Promise<MailOutcome> {
  if (!mail.smtpUrl) return { sent: false, detail: 'RELAIS_SMTP_URL is not set: give the link to the person yourself' };
  if (!/^https?:\/\//.test(invitation.url)) return { sent: false, detail: 'RELAIS_PUBLIC_URL is not set: the link would not open from a mailbox' };
  const transport = nodemailer.createTransport(mail.smtpUrl);
  try {
    const { subject, text } = TEXT[invitation.locale === 'en' ? 'en' : 'fr'](invitation);
    await transport.sendMail({ from: mail.from, to: invitation.to, subject, text });
    return { sent: true, detail: 'sent' };
  } catch (err) {
    return { sent: false, detail: (err as Error).message };
  } finally {
    transport.close();
  }
}
