// A conversation as a model reads it: who said what, oldest first, cut to fit a context window.
export type ConversationTurn = { from: 'customer' | 'staff'; text: string };

/** From stored messages: inbound is the customer, outbound the team (bots included); system notices are left out. */
export function turnsFromMessages(messages: readonly { direction: 'inbound' | 'outbound'; authorKind: string; body: string }[]): ConversationTurn[] {
  return messages
    .filter((m) => m.authorKind !== 'system' && m.body.trim() !== '')
    .map((m) => ({ from: m.direction === 'inbound' ? 'customer' : 'staff', text: m.body.trim() }));
}

const MAX_TURN_CHARS = 2_000;

/**
 * The first turns (what the conversation is about) and as many of the latest as fit in `maxChars`,
 * with a marker where turns were left out: long threads keep their start and their current state.
 */
export function formatTranscript(turns: readonly ConversationTurn[], maxChars = 12_000, keepFirst = 2): string {
  const lines = turns.map((t) => {
    const text = t.text.length > MAX_TURN_CHARS ? `${t.text.slice(0, MAX_TURN_CHARS)}…` : t.text;
    return `${t.from === 'customer' ? 'Customer' : 'Team'}: ${text}`;
  });
  const total = lines.reduce((n, l) => n + l.length + 2, 0);
  if (total <= maxChars) return wrap(lines);
  const head = lines.slice(0, keepFirst);
  let budget = maxChars - head.reduce((n, l) => n + l.length + 2, 0);
  const tail: string[] = [];
  for (let i = lines.length - 1; i >= keepFirst; i--) {
    const line = lines[i]!;
    if (line.length + 2 > budget) break;
    tail.unshift(line);
    budget -= line.length + 2;
  }
  const omitted = lines.length - head.length - tail.length;
  return wrap([...head, `[… ${omitted} message(s) left out …]`, ...tail]);
}

const wrap = (lines: string[]) => `<conversation>\n${lines.join('\n\n')}\n</conversation>`;
