// Background jobs on the same database as everything else (pg-boss): a job sent inside a transaction
// exists exactly when the transaction commits, and a crash loses nothing.
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';

export type JobHandler<T> = (data: T) => Promise<void>;

export type JobQueue = {
  start(): Promise<void>;
  stop(): Promise<void>;
  send<T extends object>(queue: string, data: T, options?: PgBoss.SendOptions): Promise<string | null>;
  /**
   * Queues a job within ~50 ms, batched with others in one insert: for hot paths (one job per inbound message).
   * A crash can lose what was not flushed yet, so use it only for jobs a sweeper re-creates from the database.
   */
  sendSoon<T extends object>(queue: string, data: T, options?: Omit<PgBoss.JobInsert, 'name' | 'data'>): void;
  /**
   * Fetches up to `batchSize` jobs at once and completes them in one statement; `concurrency` of the batch's
   * jobs run at a time. One failure fails (and retries) the whole batch, so handlers must be idempotent.
   */
  work<T extends object>(queue: string, handler: JobHandler<T>, options?: PgBoss.WorkOptions & { concurrency?: number }): Promise<void>;
  schedule(queue: string, cron: string): Promise<void>;
  /** Jobs waiting or running, across every queue: the /metrics gauge. */
  depth(): Promise<number>;
};

export function createJobQueue(database: Database, logger: Logger): JobQueue {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.executeSql(text, values) },
    schema: 'pgboss',
    // Level-1 answers are promised "within seconds": poll often; the queries are cheap index scans.
    pollingIntervalSeconds: 0.5,
    retryLimit: 5,
    retryBackoff: true,
  });
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  // One creation per queue name, shared by concurrent callers: two createQueue calls for the same name
  // at once deadlock on PostgreSQL.
  const queues = new Map<string, Promise<void>>();

  function ensureQueue(name: string): Promise<void> {
    let created = queues.get(name);
    if (!created) {
      created = boss.createQueue(name).catch((err) => {
        queues.delete(name);
        throw err;
      });
      queues.set(name, created);
    }
    return created;
  }

  const pending: PgBoss.JobInsert[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();
  const flush = () => {
    flushTimer = undefined;
    const batch = pending.splice(0, pending.length);
    if (batch.length === 0) return flushing;
    flushing = flushing.then(async () => {
      try {
        for (const name of new Set(batch.map((j) => j.name))) await ensureQueue(name);
        await boss.insert(batch);
      } catch (err) {
        logger.warn({ err, jobs: batch.length }, 'batched jobs not queued: their sweeper will queue them again');
      }
    });
    return flushing;
  };

  return {
    start: async () => {
      await database.withAdvisoryLock(7_346_110_002, async () => {
        await boss.start();
      });
    },
    stop: async () => {
      if (flushTimer) clearTimeout(flushTimer);
      await flush();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    sendSoon(queue, data, options = {}) {
      pending.push({ ...options, name: queue, data });
      if (pending.length >= 200) void flush();
      else flushTimer ??= setTimeout(() => void flush(), 50);
    },
    async send(queue, data, options = {}) {
      await ensureQueue(queue);
      return boss.send(queue, data, options);
    },
    async work(queue, handler, options = {}) {
      await ensureQueue(queue);
      const { concurrency = 1, ...workOptions } = options;
      const batchSize = workOptions.batchSize ?? 1;
      let workerId: string | undefined;
      workerId = await boss.work(queue, { ...workOptions, pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 0.5 }, async (jobs) => {
        // A full batch means more are waiting: fetch the next one at once rather than after the polling interval.
        if (jobs.length === batchSize && workerId) boss.notifyWorker(workerId);
        let next = 0;
        await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, async () => {
          while (next < jobs.length) await handler(jobs[next++]!.data as any);
        }));
      });
    },
    async schedule(queue, cron) {
      await ensureQueue(queue);
      await boss.schedule(queue, cron);
    },
    async depth() {
      let total = 0;
      for (const name of queues.keys()) total += await boss.getQueueSize(name);
      return total;
    },
  };
}
