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

/** Several events in one statement (intake's batches), with the same delivery at COMMIT. */
export async function publishRealtimeMany(db: Db, events: { orgId: string; event: RealtimeEvent }[]): Promise<void> {
  if (events.length === 0) return;
  const payloads = events.map(({ orgId, event }) => sql`${encodeEvent(orgId, event)}`);
  await db.execute(sql`SELECT pg_notify(${REALTIME_CHANNEL}, payload) FROM unnest(ARRAY[${sql.join(payloads, sql`, `)}]::text[]) AS payload`);
}
