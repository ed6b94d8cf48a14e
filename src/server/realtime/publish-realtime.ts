// Publishing is a plain NOTIFY on any connection, so it needs no bus object: services and jobs call it with the
// Db or the transaction they already hold.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { REALTIME_CHANNEL, encodeEvent, type RealtimeEvent } from './realtime-events.ts';

/**
 * Publishes an event to every Relais process listening on this database.
 * Called with a transaction, PostgreSQL (and PGlite) deliver it only at COMMIT and drop it on ROLLBACK:
 * a listener never hears of a row it cannot read yet. Call it inside the transaction that makes the change.
 */
export async function publishRealtime(db: Db, orgId: string, event: RealtimeEvent): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${REALTIME_CHANNEL}, ${encodeEvent(orgId, event)})`);
}
