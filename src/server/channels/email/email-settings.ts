// What an email channel is configured with, and the parsing of the listener's port setting.
import { z } from 'zod';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** A whole mail above this is refused at SMTP time (552): attachments are dropped one by one below it. */
export const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;
/** The port suggested for RELAIS_SMTP_LISTEN_PORT; the listener is off unless the variable is set. */
export const SUGGESTED_SMTP_LISTEN_PORT = 2525;

/**
 * An existing mailbox Relais polls (IMAP), for brands that keep their support mailbox at their mail provider.
 * Processed mail is moved to `moveTo` when set, else flagged \Seen.
 */
export const imapSettingsSchema = z.object({
  host: z.string().trim().min(1).max(255),
  /** Implicit TLS (default). When false, STARTTLS is required except towards a loopback host. */
  secure: z.boolean().default(true),
  /** 993 with implicit TLS, else 143. */
  port: z.number().int().min(1).max(65535).optional(),
  user: z.string().min(1).max(320),
  password: z.string().min(1).max(1000),
  mailbox: z.string().trim().min(1).max(255).default('INBOX'),
  pollSeconds: z.number().int().min(10).max(86_400).default(60),
  moveTo: z.string().trim().min(1).max(255).optional(),
}).strict()
  .refine((s) => s.moveTo !== s.mailbox, { message: 'moveTo must differ from mailbox', path: ['moveTo'] })
  .transform((s) => ({ ...s, port: s.port ?? (s.secure ? 993 : 143) }));

export type ImapSettings = z.infer<typeof imapSettingsSchema>;

const address = z.email().transform((a) => a.trim().toLowerCase());

export const emailSettingsSchema = z.object({
  /** The brand's support addresses this channel receives for; the first one sends the replies. */
  addresses: z.array(address).min(1).max(20),
  /** Display name on replies ("Service client TER Azur"). */
  fromName: z.string().trim().min(1).max(120),
  /** This channel's own relay; else RELAIS_SMTP_URL. */
  smtpUrl: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  /** Each attachment above this is dropped (with a note on the message); the mail itself is kept. */
  maxAttachmentBytes: z.number().int().min(0).max(MAX_MESSAGE_BYTES).default(DEFAULT_MAX_ATTACHMENT_BYTES),
  /** Also receive by polling this mailbox (imap-polling.ts); the SMTP listener works alongside. */
  imap: imapSettingsSchema.optional(),
}).strict();

export type EmailSettings = z.infer<typeof emailSettingsSchema>;

