import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { registerSlaJobs, SLA_CHECK } from './sla.jobs.ts';

describe('SLA sweeper job', () => {
  let database: TestDatabase;
  before(async () => { database = await createTestDatabase(); });
  after(() => database.dispose());

  it('runs every minute by schedule, and each scheduled run queues one more 30 seconds later', async () => {
    const handlers = new Map<string, (data: any) => Promise<void>>();
    const sent: { queue: string; data: object; options: object | undefined }[] = [];
    const schedules: [string, string][] = [];
    const queue = {
      work: async (name: string, handler: (data: any) => Promise<void>) => { handlers.set(name, handler); },
      schedule: async (name: string, cron: string) => { schedules.push([name, cron]); },
      send: async (name: string, data: object, options?: object) => { sent.push({ queue: name, data, options }); return 'id'; },
    } as unknown as JobQueue;
    await registerSlaJobs(queue, { db: database.db, mail: { smtpUrl: undefined, from: 'x@relais.test' } }, pino({ level: 'silent' }));
    assert.deepEqual(schedules, [[SLA_CHECK, '* * * * *']]);
    // pg-boss gives a scheduled job null data.
    await handlers.get(SLA_CHECK)!(null);
    assert.deepEqual(sent, [{ queue: SLA_CHECK, data: { halfMinute: true }, options: { startAfter: 30, retryLimit: 0 } }]);
    await handlers.get(SLA_CHECK)!({ halfMinute: true });
    assert.equal(sent.length, 1);
  });
});
