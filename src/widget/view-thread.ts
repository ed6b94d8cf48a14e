// The message list: updated in place (a message keeps its element), so the aria-live log announces only what is
// new. Every text goes in as a text node.
import { el } from './dom.ts';
import type { Texts } from './i18n.ts';
import type { Entry } from './thread.ts';

type Item = { node: HTMLElement; meta: HTMLElement | null; text: string };

export function createThreadView(t: Texts, onQuickReply: (id: string, label: string) => void) {
  const list = el('div', { class: 'list' });
  const quick = el('div', { class: 'quick', role: 'group', hidden: true });
  const items = new Map<string, Item>();
  let quickFor = '';

  const keyOf = (e: Entry) => (e.clientMessageId ? `c:${e.clientMessageId}` : `m:${e.id}`);
  const deliveryText = (e: Entry) => (e.delivery === 'pending' ? t.sending : e.delivery === 'read' ? t.read : t.sent);

  function build(e: Entry): Item {
    const mine = e.from === 'visitor';
    const who = mine ? t.you : e.from === 'bot' ? t.assistant : e.authorName ?? t.agent;
    const meta = mine ? el('span', { class: 'meta' }, deliveryText(e)) : null;
    const node = el('div', { class: mine ? 'msg me' : 'msg' }, el('span', { class: mine ? 'who sr' : 'who' }, who), e.text);
    if (meta) node.append(meta);
    return { node, meta, text: e.text };
  }

  function renderQuickReplies(offered: Entry | undefined) {
    const key = offered ? offered.id : '';
    if (key === quickFor) return;
    quickFor = key;
    quick.replaceChildren();
    quick.hidden = !offered;
    for (const q of offered?.quickReplies ?? []) {
      const button = el('button', { type: 'button' }, q.label);
      button.addEventListener('click', () => {
        for (const b of quick.querySelectorAll('button')) b.disabled = true;
        onQuickReply(q.id, q.label);
      });
      quick.append(button);
    }
  }

  return {
    list,
    quick,
    render(entries: Entry[], offered: Entry | undefined) {
      const keep = new Set<string>();
      let previous: Element | null = null;
      for (const e of entries) {
        const key = keyOf(e);
        keep.add(key);
        let item = items.get(key);
        if (!item || item.text !== e.text) {
          const fresh = build(e);
          if (item) item.node.replaceWith(fresh.node);
          item = fresh;
          items.set(key, item);
        }
        if (item.meta) item.meta.textContent = deliveryText(e);
        if (item.node.previousElementSibling !== previous || item.node.parentNode !== list) {
          if (previous) previous.after(item.node);
          else list.prepend(item.node);
        }
        previous = item.node;
      }
      for (const [key, item] of items) {
        if (!keep.has(key)) {
          item.node.remove();
          items.delete(key);
        }
      }
      renderQuickReplies(offered);
    },
  };
}
