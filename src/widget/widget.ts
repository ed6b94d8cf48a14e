// The Relais chat widget: one <script> on the brand's site. It connects lazily (at first opening, or at once for
// a returning visitor), keeps the thread across reconnections, and shows the level-1 answer's quick replies,
// agents' replies as they come, an email form and, once resolved, a rating.
import { createConnection } from './connection.ts';
import { readConfig, type WidgetConfig } from './config.ts';
import { randomId } from './dom.ts';
import { textsFor } from './i18n.ts';
import type { ClientFrame, ConversationState, ServerFrame } from './protocol.ts';
import { createStore } from './storage.ts';
import { Thread } from './thread.ts';
import { createView } from './view.ts';

type Sendable = Extract<ClientFrame, { type: 'message' | 'quick_reply' }>;
const TYPING_SHOWN_MS = 6000;
const TYPING_EVERY_MS = 3000;

function start(config: WidgetConfig) {
  const store = createStore(config.key);
  const thread = new Thread();
  let conversation: ConversationState | null = null;
  let open = store.wasOpen();
  let unread = 0;
  let lastTyping = 0;
  let lastRead: string | null = null;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  const host = document.createElement('div');
  host.setAttribute('data-relais-chat', '');
  const root = host.attachShadow({ mode: 'open' });
  const view = createView(host, root, textsFor(config.locale), {
    onToggle: (next) => setOpen(next, true),
    onSend: (text) => submit({ type: 'message', clientMessageId: randomId(), text }, text),
    onQuickReply: (id, label) => submit({ type: 'quick_reply', clientMessageId: randomId(), id }, label),
    onTyping() {
      if (Date.now() - lastTyping < TYPING_EVERY_MS) return;
      lastTyping = Date.now();
      connection.send({ type: 'typing' });
    },
    onEmail: (email, name) => connection.send({ type: 'identify', email, ...(name ? { name } : {}) }),
    onRate: (score, comment) => connection.send({ type: 'rating', score, ...(comment ? { comment } : {}) }),
  });
  document.body.append(host);

  const connection = createConnection({
    url: config.socketUrl,
    hello: () => ({
      type: 'hello', locale: config.locale,
      ...(store.visitorId() ? { visitorId: store.visitorId()! } : {}),
      // Within this page only: a new page has nothing shown yet and gets the whole recent thread.
      ...(thread.lastSeenId() ? { lastSeenMessageId: thread.lastSeenId()! } : {}),
      ...(config.identity ? { identity: config.identity } : {}),
    }),
    onFrame,
    onStatus: (status) => view.setStatus(status),
  });

  function submit(frame: Sendable, text: string) {
    thread.addPending(frame, text, conversation?.id);
    saveUnsent();
    connection.start();
    connection.send(frame); // if offline, it goes after the next hello
    refresh();
  }

  function saveUnsent() {
    store.setUnsent(thread.pending().map((e) => ({ frame: e.resend as Sendable, text: e.text })));
  }

  function onFrame(frame: ServerFrame) {
    switch (frame.type) {
      case 'ready':
        store.setVisitorId(frame.visitorId);
        store.setBrand(frame.brand);
        view.setBrand(frame.brand);
        if (frame.complete) {
          thread.replace(frame.history);
          if (!open) unread = thread.fromBrandAfter(store.lastViewed());
        } else {
          for (const m of frame.history) if (thread.upsert(m) && m.from !== 'visitor' && !open) unread++;
        }
        conversation = frame.conversation;
        // Same clientMessageId as before: whatever the server already stored is not stored twice.
        for (const entry of thread.pending()) if (entry.resend) connection.send(entry.resend);
        break;
      case 'ack':
        thread.ack(frame);
        saveUnsent();
        if (conversation?.id !== frame.conversationId || conversation.status === 'resolved' || conversation.status === 'closed') {
          conversation = { id: frame.conversationId, status: 'open', rated: false };
        }
        break;
      case 'message':
        if (thread.upsert(frame.message) && frame.message.from !== 'visitor') {
          view.setTyping(false);
          if (!open) unread++;
        }
        break;
      case 'typing':
        view.setTyping(true);
        clearTimeout(typingTimer);
        typingTimer = setTimeout(() => view.setTyping(false), TYPING_SHOWN_MS);
        return;
      case 'read':
        thread.markReadUpTo(frame.messageId);
        break;
      case 'conversation':
        if (!conversation || conversation.id === frame.conversation.id) conversation = frame.conversation;
        break;
      case 'identified':
        return view.emailDone();
      case 'rated':
        if (conversation) conversation.rated = true;
        return view.ratingDone();
      case 'error':
        // Pending messages stay pending: a rate-limited one goes again a little later.
        if (frame.code === 'rate_limited') setTimeout(() => thread.pending().forEach((e) => e.resend && connection.send(e.resend)), 3000);
        return;
      default:
        return;
    }
    refresh();
  }

  function refresh() {
    const last = thread.lastSeenId();
    if (open && last) store.setLastViewed(last);
    view.renderThread(thread.entries, thread.offeredQuickReplies());
    const finished = conversation && (conversation.status === 'resolved' || conversation.status === 'closed');
    view.showRating(Boolean(finished && !conversation!.rated));
    view.setUnread(unread);
    reportRead();
  }

  function reportRead() {
    const last = thread.lastFromBrand();
    if (!open || document.visibilityState !== 'visible' || !last || last.id === lastRead) return;
    if (connection.send({ type: 'read', messageId: last.id })) lastRead = last.id;
  }

  function setOpen(next: boolean, moveFocus: boolean) {
    open = next;
    store.setOpen(open);
    if (open) {
      unread = 0;
      connection.start();
    }
    view.setOpen(open, moveFocus);
    refresh();
  }

  for (const item of store.unsent()) thread.addPending(item.frame, item.text);
  const brand = store.brand();
  if (brand) view.setBrand(brand);
  view.setColors(config.color);
  setOpen(open, false);
  // A returning visitor (or one with unsent messages) connects at once, to get replies that came meanwhile.
  if (store.visitorId() || thread.pending().length > 0) connection.start();
  document.addEventListener('visibilitychange', reportRead);

  (window as unknown as { RelaisChat?: object }).RelaisChat = {
    open: () => setOpen(true, true),
    close: () => setOpen(false, false),
    /** Call when the visitor signs out of the brand's site: the next visitor on this browser starts afresh. */
    reset: () => {
      store.forget();
      location.reload();
    },
  };
}

// currentScript is null when the bundle is loaded some other way (a tag manager, a module): find our tag then.
const script = (document.currentScript ?? document.querySelector('script[data-relais-key], script[src*="/hooks/chat/"]')) as HTMLScriptElement | null;
const config = readConfig(script);
const started = (window as unknown as { __relaisChat?: boolean });
if (config && !started.__relaisChat) {
  started.__relaisChat = true;
  if (document.body) start(config);
  else document.addEventListener('DOMContentLoaded', () => start(config));
}
