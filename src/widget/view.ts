// The widget's shell in its Shadow DOM: the launcher, the panel (header, live log, typing line, composer) and the
// forms. Accessible: labelled controls, Escape closes and gives focus back to the launcher, new messages are
// announced through the log's aria-live.
import { el } from './dom.ts';
import type { Texts } from './i18n.ts';
import type { BrandInfo } from './protocol.ts';
import type { ConnectionStatus } from './connection.ts';
import type { Entry } from './thread.ts';
import { CSS } from './styles.ts';
import { createThreadView } from './view-thread.ts';
import { createEmailCard, createRatingCard } from './view-forms.ts';

export type ViewHandlers = {
  onToggle(open: boolean): void;
  onSend(text: string): void;
  onTyping(): void;
  onQuickReply(id: string, label: string): void;
  /** False when not sent (offline). */
  onEmail(email: string, name: string): boolean;
  onRate(score: number, comment: string): boolean;
};

const COLOR = /^#[0-9a-fA-F]{6}$/;
const SVG = 'http://www.w3.org/2000/svg';

function chatIcon(): SVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
  svg.append(path);
  return svg;
}

export function createView(host: HTMLElement, root: ShadowRoot, t: Texts, h: ViewHandlers) {
  const badge = el('span', { class: 'badge', hidden: true });
  const launcher = el('button', { class: 'launcher', type: 'button', 'aria-label': t.open, 'aria-expanded': 'false', 'aria-controls': 'relais-panel' }, chatIcon(), badge);
  const title = el('h2', { id: 'relais-title' }, t.title);
  const closeButton = el('button', { class: 'icon', type: 'button', 'aria-label': t.close }, '×');
  const status = el('div', { class: 'status', role: 'status', hidden: true });
  const welcome = el('div', { class: 'msg' }, t.welcome);
  const thread = createThreadView(t, h.onQuickReply);
  const email = createEmailCard(t, h.onEmail, () => email.close());
  const rating = createRatingCard(t, h.onRate);
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'relais-title', tabindex: '0' },
    welcome, thread.list, thread.quick, rating.node, email.node);
  const typing = el('div', { class: 'typing', hidden: true }, t.typing);
  const input = el('textarea', { id: 'relais-input', rows: '2', placeholder: t.placeholder, maxlength: '5000' });
  const composer = el('form', { class: 'compose' },
    el('label', { class: 'sr', for: 'relais-input' }, t.messageLabel), input, el('button', { class: 'btn primary', type: 'submit' }, t.send));
  const emailLink = el('button', { class: 'link', type: 'button' }, t.leaveEmail);
  const panel = el('div', { class: 'panel', id: 'relais-panel', role: 'dialog', 'aria-labelledby': 'relais-title', hidden: true },
    el('div', { class: 'head' }, title, closeButton), status, log, typing, composer, el('div', { class: 'foot' }, emailLink));
  root.append(el('style', {}, CSS), panel, launcher);

  launcher.addEventListener('click', () => h.onToggle(panel.hidden));
  closeButton.addEventListener('click', () => h.onToggle(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') h.onToggle(false);
  });
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    h.onSend(text);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  input.addEventListener('input', () => h.onTyping());
  emailLink.addEventListener('click', () => email.open());

  const scrollDown = () => { log.scrollTop = log.scrollHeight; };
  let isOpen = false;
  let unread = 0;
  const labelLauncher = () => launcher.setAttribute('aria-label', isOpen ? t.close : unread > 0 ? `${t.open} (${t.unread(unread)})` : t.open);
  const setColors = (primary: string | undefined, text?: string) => {
    if (primary && COLOR.test(primary)) host.style.setProperty('--p', primary);
    if (text && COLOR.test(text)) host.style.setProperty('--pt', text);
  };
  return {
    setColors,
    setBrand(brand: BrandInfo) {
      title.textContent = brand.name;
      panel.setAttribute('aria-label', brand.name);
      welcome.textContent = brand.welcome || t.welcome;
      setColors(brand.primaryColor, brand.textColor);
    },
    setOpen(open: boolean, moveFocus: boolean) {
      isOpen = open;
      panel.hidden = !open;
      launcher.setAttribute('aria-expanded', String(open));
      labelLauncher();
      if (open) scrollDown();
      if (moveFocus) (open ? input : launcher).focus();
    },
    setStatus(state: ConnectionStatus) {
      const text = state === 'offline' ? t.offline : state === 'refused' ? t.refused : state === 'connecting' ? t.connecting : '';
      status.textContent = text;
      status.hidden = !text;
      input.disabled = state === 'refused';
    },
    renderThread(entries: Entry[], offered: Entry | undefined) {
      const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      thread.render(entries, offered);
      if (atBottom) scrollDown();
    },
    setTyping(on: boolean) {
      typing.hidden = !on;
    },
    setUnread(count: number) {
      unread = count;
      badge.textContent = count > 0 ? String(count) : '';
      badge.hidden = count === 0;
      labelLauncher();
    },
    showRating: (visible: boolean) => rating.show(visible),
    ratingDone: () => rating.done(),
    emailDone: () => email.done(),
  };
}

export type View = ReturnType<typeof createView>;
