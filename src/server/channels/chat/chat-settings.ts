// A chat channel's settings, stored sealed with the channel. All optional: a channel created without settings
// works (any origin, anonymous visitors only, default look).
import { z } from 'zod';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f5eff');

/** An origin exactly as browsers send it in the Origin header: scheme, host and port, nothing else. */
const origin = z.string().refine((value) => {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}, 'an origin like https://shop.example (no path, no trailing slash)');

export const chatSettingsSchema = z.object({
  /** Signs visitor identities (HMAC-SHA256 of the user id); without it, identified visitors are refused. */
  identitySecret: z.string().min(16).max(256).optional(),
  /** Pages allowed to open the chat (the WebSocket's Origin header). Empty: any site may embed it. */
  allowedOrigins: z.array(origin).max(50).default([]),
  brandName: z.string().trim().min(1).max(80).default('Support'),
  colors: z.object({ primary: color.default('#1f5eff'), text: color.default('#ffffff') }).prefault({}),
  welcome: z.object({
    fr: z.string().trim().max(500).default('Bonjour ! Comment pouvons-nous vous aider ?'),
    en: z.string().trim().max(500).default('Hello! How can we help?'),
  }).prefault({}),
});

export type ChatSettings = z.infer<typeof chatSettingsSchema>;
