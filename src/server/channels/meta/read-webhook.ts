// Splits one webhook delivery { object, entry: [{ id, time, messaging?: [...], changes?: [...] }] } into
// events to store, items to ignore and unreadable items. An unreadable item is kept as a one-item delivery,
// so it can be inspected and replayed on its own.
import { toDate, type MetaEvent, type MetaNetwork } from './meta-event.ts';
import { readChange } from './read-changes.ts';
import { readMessagingEvent } from './read-messaging.ts';

export type Problem = { reason: string; payload: unknown };
export type WebhookReading = { events: MetaEvent[]; ignored: string[]; problems: Problem[] };

export const OBJECT_OF: Record<MetaNetwork, string> = { facebook: 'page', instagram: 'instagram' };

export function readWebhook(body: unknown, network: MetaNetwork, accountId: string, now = new Date()): WebhookReading {
  const reading: WebhookReading = { events: [], ignored: [], problems: [] };
  const object = OBJECT_OF[network];
  const b = (body ?? {}) as { object?: unknown; entry?: unknown };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    reading.problems.push({ reason: 'the body is not a JSON object', payload: body });
  } else if (b.object !== object) {
    reading.problems.push({ reason: `object: expected "${object}", got ${JSON.stringify(b.object ?? null)}`, payload: body });
  } else if (!Array.isArray(b.entry)) {
    reading.problems.push({ reason: 'entry: expected an array', payload: body });
  } else {
    b.entry.forEach((entry, i) => readEntry(reading, entry, i, { object, network, accountId, now }));
  }
  return reading;
}

type EntryContext = { object: string; network: MetaNetwork; accountId: string; now: Date };

function readEntry(reading: WebhookReading, entry: unknown, i: number, c: EntryContext): void {
  const e = (entry ?? {}) as { id?: unknown; time?: unknown; messaging?: unknown; changes?: unknown };
  if (typeof entry !== 'object' || entry === null || (typeof e.id !== 'string' && typeof e.id !== 'number')) {
    reading.problems.push({ reason: `entry[${i}]: id required`, payload: { object: c.object, entry: [entry] } });
    return;
  }
  // One Meta app sends every Page's events to the same address: another account's are not this channel's.
  if (String(e.id) !== c.accountId) {
    reading.ignored.push(`entry[${i}]: account ${String(e.id)} is not this channel's`);
    return;
  }
  const ctx = { network: c.network, accountId: c.accountId, entryTime: toDate(e.time, c.now) };
  for (const list of ['messaging', 'changes'] as const) {
    const items = e[list];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      reading.problems.push({ reason: `entry[${i}].${list}: expected an array`, payload: { object: c.object, entry: [entry] } });
      continue;
    }
    items.forEach((item, j) => {
      const result = list === 'messaging' ? readMessagingEvent(item, ctx) : readChange(item, ctx);
      if ('event' in result) reading.events.push(result.event);
      else if ('ignored' in result) reading.ignored.push(`entry[${i}].${list}[${j}]: ${result.ignored}`);
      else reading.problems.push({
        reason: `entry[${i}].${list}[${j}]: ${result.problem}`,
        payload: { object: c.object, entry: [{ id: e.id, time: e.time, [list]: [item] }] },
      });
    });
  }
  if (e.messaging === undefined && e.changes === undefined) reading.ignored.push(`entry[${i}]: no messaging or changes (standby?)`);
}
