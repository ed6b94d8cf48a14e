import { withDatabase } from '../with-database.ts';

export async function migrateCommand(): Promise<number> {
  const kind = await withDatabase(async (database) => database.kind);
  process.stdout.write(`migrations applied (${kind})\n`);
  return 0;
}
