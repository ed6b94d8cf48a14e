import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { createJobQueue, type JobQueue } from './job-queue.ts';

describe('job queue', () => {
  let database: TestDatabase;
  let queue: JobQueue;
  before(async () => {
    database = await createTestDatabase();
    queue = createJobQueue(database, pino({ level: 'silent' }));
    await queue.start();
  });
  after(async () => {
    await queue.stop();
    await database.dispose();
  });

  it('runs a job sent to a queue and reports the queue depth', async () => {
    const seen: number[] = [];
    const done = new Promise<void>((resolve) => {
      void queue.work<{ n: number }>('test.echo', async ({ n }) => {
        seen.push(n);
        if (seen.length === 3) resolve();
      });
    });
    for (const n of [1, 2, 3]) await queue.send('test.echo', { n });
    await done;
    assert.deepEqual(seen.sort(), [1, 2, 3]);
    assert.equal(typeof (await queue.depth()), 'number');
  });

  it('counts jobs waiting in the depth', async () => {
    await queue.send('test.waiting', { x: 1 });
    await queue.send('test.waiting', { x: 2 });
    assert.ok((await queue.depth()) >= 2);
  });

  it('drains a backlog batch after batch without waiting for the polling interval, `concurrency` jobs at a time', async () => {
    for (let n = 0; n < 100; n++) queue.sendSoon('test.backlog', { n });
    await new Promise((r) => setTimeout(r, 300)); // the batched insert
    const seen = new Set<number>();
    let running = 0;
    let mostAtOnce = 0;
    const started = Date.now();
    await new Promise<void>((resolve) => {
      void queue.work<{ n: number }>('test.backlog', async ({ n }) => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((r) => setTimeout(r, 2));
        running--;
        seen.add(n);
        if (seen.size === 100) resolve();
      }, { batchSize: 10, concurrency: 3 });
    });
    // Ten full batches: polled every 0.5 s, they would take at least 4.5 s.
    assert.ok(Date.now() - started < 3000, `100 jobs in ${Date.now() - started} ms`);
    assert.equal(mostAtOnce, 3);
  });
});
