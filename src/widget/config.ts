// Reads the embed snippet: <script src="https://relais.example/hooks/chat/widget.js" data-relais-key="…" async>
// (or the key in the URL: /hooks/chat/<key>/widget.js), optional data-locale and data-color, and
// window.relaisChatSettings = { identity: { userId, email, name, signature }, locale } set by the brand before.
import { pickLocale, type Locale } from './i18n.ts';
import type { SignedIdentity } from './protocol.ts';

export type WidgetConfig = { key: string; socketUrl: string; locale: Locale; color: string | undefined; identity: SignedIdentity | undefined };

type PageSettings = { identity?: Partial<SignedIdentity>; locale?: string };

function identityFrom(value: Partial<SignedIdentity> | undefined): SignedIdentity | undefined {
  if (!value || typeof value.userId !== 'string' || typeof value.signature !== 'string') return undefined;
  return {
    userId: value.userId, signature: value.signature,
    ...(typeof value.email === 'string' && value.email ? { email: value.email } : {}),
    ...(typeof value.name === 'string' && value.name ? { name: value.name } : {}),
  };
}

export function readConfig(script: HTMLScriptElement | null): WidgetConfig | null {
  if (!script?.src) return null;
  const src = new URL(script.src, location.href);
  // Whatever path prefix a reverse proxy adds is kept for the socket.
  const path = /^(.*)\/hooks\/chat\/(?:([^/]+)\/)?widget\.js$/.exec(src.pathname);
  const key = script.dataset.relaisKey ?? (path?.[2] ? decodeURIComponent(path[2]) : undefined);
  if (!key || !/^[A-Za-z0-9_-]{8,100}$/.test(key)) return null;
  const settings = ((window as unknown as { relaisChatSettings?: PageSettings }).relaisChatSettings ?? {}) as PageSettings;
  return {
    key,
    socketUrl: `${src.protocol === 'https:' ? 'wss:' : 'ws:'}//${src.host}${path?.[1] ?? ''}/hooks/chat/${key}/ws`,
    locale: pickLocale(script.dataset.locale ?? settings.locale ?? navigator.language),
    color: script.dataset.color,
    identity: identityFrom(settings.identity),
  };
}
