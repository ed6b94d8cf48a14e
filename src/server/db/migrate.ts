import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
// Any constant works; it only has to be the same for every Relais process sharing a database.
const MIGRATION_LOCK_KEY = 7_346_110_001;

/** Applies pending migrations. Safe when several processes start at once on one PostgreSQL. */
export async function runMigrations(database: Database): Promise<void> {
  await database.withAdvisoryLock(MIGRATION_LOCK_KEY, () =>
    database.kind === 'pglite'
      ? migratePglite(database.db as any, { migrationsFolder })
      : migratePg(database.db as any, { migrationsFolder }),
  );
}
