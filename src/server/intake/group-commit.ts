// Group commit: messages arriving while a batch is being written are stored together in the next one, in one
// transaction with a fixed number of statements (store-inbound-batch.ts). Nobody waits for a timer: a message
// alone is written at once, and under load each transaction carries whatever arrived during the previous one.
// Each caller's promise settles only after its batch commits, so a vendor is still acknowledged after the commit.
import type { Db } from '../db/client.ts';
import type { InboundMessage, IntakeOutcome, IntakeResult } from './inbound-message.ts';
import { storeInboundBatch } from './store-inbound-batch.ts';

type Waiting = { input: InboundMessage; settle: (outcome: IntakeOutcome) => void };

export type GroupCommit = { store(input: InboundMessage): Promise<IntakeResult> };

/**
 * `inFlight` transactions at most at once: a second batch is written while the first waits for its commit.
 * Batches touching the same conversations lock them in the same order (store-inbound-batch.ts); a rare
 * deadlock fails one batch, whose messages are then stored one by one.
 */
export function createGroupCommit(db: Db, options: { maxBatch?: number; inFlight?: number } = {}): GroupCommit {
  const maxBatch = options.maxBatch ?? 200;
  const inFlight = options.inFlight ?? 2;
  let waiting: Waiting[] = [];
  let writing = 0;
  let scheduled = false;

  const inOneTransaction = (inputs: InboundMessage[]) => db.transaction((tx) => storeInboundBatch(tx as unknown as Db, inputs));

  async function write(batch: Waiting[]): Promise<void> {
    let outcomes: IntakeOutcome[];
    try {
      outcomes = await inOneTransaction(batch.map((w) => w.input));
    } catch (err) {
      if (batch.length === 1) outcomes = [{ ok: false, error: err as Error }];
      // One message the database refuses must not fail the others: each gets a transaction of its own.
      else outcomes = await Promise.all(batch.map((w) => inOneTransaction([w.input]).then(([o]) => o!, (e: Error) => ({ ok: false as const, error: e }))));
    }
    batch.forEach((w, i) => w.settle(outcomes[i]!));
  }

  function next(): void {
    scheduled = false;
    while (writing < inFlight && waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(maxBatch);
      writing++;
      void write(batch).finally(() => {
        writing--;
        next();
      });
    }
  }

  return {
    store(input) {
      // The arrival time, not the batch's: messages keep their order within a conversation.
      const stamped = { ...input, at: input.at ?? new Date() };
      return new Promise<IntakeResult>((resolve, reject) => {
        waiting.push({ input: stamped, settle: (o) => (o.ok ? resolve(o.result) : reject(o.error)) });
        // Requests parsed in the same turn of the event loop join one batch.
        if (!scheduled && writing < inFlight) {
          scheduled = true;
          setImmediate(next);
        }
      });
    },
  };
}
