// Group commit: messages arriving while a batch is being written are stored together in the next one, with a
// fixed number of statements (store-inbound-batch.ts). Nobody waits for a timer: a message alone is written at
// once, and under load each transaction carries whatever arrived during the previous one. Each caller's
// promise settles only after its batch commits, so a vendor is still acknowledged after the commit.
import type { Db } from '../db/client.ts';
import type { InboundMessage, IntakeOutcome, IntakeResult } from './inbound-message.ts';
import { storeInboundBatch } from './store-inbound-batch.ts';

type Waiting = { input: InboundMessage; sender: string; settle: (outcome: IntakeOutcome) => void };

export type GroupCommit = { store(input: InboundMessage): Promise<IntakeResult> };

/**
 * `inFlight` batches at most at once: one is read or written while another waits for its COMMIT. A sender
 * with a message in a batch being written waits for the next batch, so that two batches never both open a
 * conversation for one customer, nor lock the same conversations.
 */
export function createGroupCommit(db: Db, options: { maxBatch?: number; inFlight?: number } = {}): GroupCommit {
  const maxBatch = options.maxBatch ?? 200;
  const inFlight = options.inFlight ?? 2;
  let waiting: Waiting[] = [];
  const busySenders = new Map<string, number>();
  let writing = 0;
  let scheduled = false;

  async function write(batch: Waiting[]): Promise<void> {
    let outcomes: IntakeOutcome[];
    try {
      outcomes = await storeInboundBatch(db, batch.map((w) => w.input));
    } catch (err) {
      if (batch.length === 1) outcomes = [{ ok: false, error: err as Error }];
      else outcomes = await oneByOne(batch.map((w) => w.input));
    }
    batch.forEach((w, i) => w.settle(outcomes[i]!));
  }

  /**
   * One message the database refuses must not fail the others: each gets a transaction of its own, in arrival
   * order (a customer's second message still joins the conversation the first one opened).
   */
  async function oneByOne(inputs: InboundMessage[]): Promise<IntakeOutcome[]> {
    const outcomes: IntakeOutcome[] = [];
    for (const input of inputs) {
      outcomes.push(await storeInboundBatch(db, [input]).then(([o]) => o!, (error: Error) => ({ ok: false as const, error })));
    }
    return outcomes;
  }

  /** The next batch: the oldest waiting messages whose senders are not in a batch being written. */
  function take(): Waiting[] {
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    for (const w of waiting) (batch.length < maxBatch && !busySenders.has(w.sender) ? batch : rest).push(w);
    waiting = rest;
    for (const w of batch) busySenders.set(w.sender, (busySenders.get(w.sender) ?? 0) + 1);
    return batch;
  }

  function release(batch: Waiting[]): void {
    for (const w of batch) {
      const left = busySenders.get(w.sender)! - 1;
      if (left === 0) busySenders.delete(w.sender);
      else busySenders.set(w.sender, left);
    }
  }

  function next(): void {
    scheduled = false;
    while (writing < inFlight && waiting.length > 0) {
      const batch = take();
      if (batch.length === 0) return;
      writing++;
      void write(batch).finally(() => {
        release(batch);
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
        waiting.push({ input: stamped, sender: `${input.orgId}|${input.sender.externalId}`, settle: (o) => (o.ok ? resolve(o.result) : reject(o.error)) });
        // Requests parsed in the same turn of the event loop join one batch.
        if (!scheduled && writing < inFlight) {
          scheduled = true;
          setImmediate(next);
        }
      });
    },
  };
}
