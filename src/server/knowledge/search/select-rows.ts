// Runs a hand-written SELECT on either driver: PGlite and node-postgres both answer `{ rows }`.
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export async function selectRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
