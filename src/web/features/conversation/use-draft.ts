// A reply or note being written is kept in this browser as it is typed, per conversation: a lost connection,
// a reload or an expired session loses nothing. It is cleared once sent. (Writing a few KB to localStorage
// on each keystroke costs microseconds: no debounce that could lose the last words.)
import { useState } from 'react';
import { readStored, writeStored } from '../../lib/local-store.ts';

export const draftKey = (conversationId: string, kind: 'reply' | 'note') => `relais.draft.${conversationId}.${kind}`;

export function useDraft(conversationId: string, kind: 'reply' | 'note') {
  const key = draftKey(conversationId, kind);
  const [text, setTextState] = useState(() => readStored<string>(key, ''));
  return {
    text,
    setText(next: string) {
      setTextState(next);
      writeStored(key, next || null);
    },
    clear() {
      setTextState('');
      writeStored(key, null);
    },
  };
}
