import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import { purgeExpiredSessions } from '../accounts/sessions.service.ts';
import type { JobQueue } from './job-queue.ts';

export const PURGE_SESSIONS = 'maintenance.purge-sessions';

/** Housekeeping that keeps the database small: expired sessions go once an hour. */
export async function registerMaintenanceJobs(queue: JobQueue, database: Database, logger: Logger) {
  await queue.work(PURGE_SESSIONS, async () => {
    const purged = await purgeExpiredSessions(database.db);
    if (purged > 0) logger.info({ purged }, 'expired sessions purged');
  });
  await queue.schedule(PURGE_SESSIONS, '17 * * * *');
}
