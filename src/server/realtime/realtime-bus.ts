// The realtime bus: events published by any Relais process reach the subscribers of every process that shares
// the database. PostgreSQL LISTEN/NOTIFY carries them (one dedicated connection per process, reconnected with
// backoff); embedded PGlite offers the same LISTEN/NOTIFY in-process. Publishing itself is publish-realtime.ts.
import pg from 'pg';
import type { Database } from '../db/client.ts';
import { publishRealtime } from './publish-realtime.ts';
import { REALTIME_CHANNEL, decodeEvent, type RealtimeEvent, type RealtimeHandler } from './realtime-events.ts';

export type RealtimeBus = {
  /** NOTIFY now; inside a transaction use publishRealtime(tx, …) so the event waits for the COMMIT. */
  publish(orgId: string, event: RealtimeEvent): Promise<void>;
  /** Returns the unsubscribe function. Handlers run synchronously in the order events arrive. */
  subscribe(handler: RealtimeHandler): () => void;
  /** Stops listening (idempotent). publish() keeps working: it only needs the database. */
  close(): Promise<void>;
};

type Log = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
export type RealtimeBusOptions = {
  /** PostgreSQL only: where the listening connection goes; by default the database's own pool settings. */
  connectionString?: string;
  logger?: Log;
};

type Listener = { stop(): Promise<void> };

export async function createRealtimeBus(database: Database, options: RealtimeBusOptions = {}): Promise<RealtimeBus> {
  const handlers = new Set<RealtimeHandler>();
  const dispatch: RealtimeHandler = (orgId, event) => {
    for (const handler of [...handlers]) {
      try {
        handler(orgId, event);
      } catch (err) {
        options.logger?.error({ err, kind: event.kind }, 'realtime subscriber failed');
      }
    }
  };
  const onPayload = (payload: string) => {
    const decoded = decodeEvent(payload);
    if (decoded) dispatch(decoded.orgId, decoded.event);
  };
  const listener = database.kind === 'pglite'
    ? await listenPglite(database, onPayload)
    : await listenPostgres(connectionStringOf(database, options), onPayload, () => dispatch(null, { kind: 'resync' }), options.logger);
  let closing: Promise<void> | undefined;
  return {
    publish: (orgId, event) => publishRealtime(database.db, orgId, event),
    subscribe(handler) {
      handlers.add(handler);
      return () => void handlers.delete(handler);
    },
    close: () => (closing ??= (async () => {
      handlers.clear();
      await listener.stop();
    })()),
  };
}

type PgliteLike = { listen(channel: string, cb: (payload: string) => void): Promise<() => Promise<void>> };

async function listenPglite(database: Database, onPayload: (payload: string) => void): Promise<Listener> {
  // Drizzle keeps the driver's client as $client; PGlite's listen() needs no extra connection.
  const client = (database.db as unknown as { $client?: PgliteLike }).$client;
  if (typeof client?.listen !== 'function') throw new Error('realtime bus: this PGlite database exposes no listen()');
  const unlisten = await client.listen(REALTIME_CHANNEL, onPayload);
  return { stop: () => unlisten().catch(() => undefined) };
}

function connectionStringOf(database: Database, options: RealtimeBusOptions): string {
  if (options.connectionString) return options.connectionString;
  const pool = (database.db as unknown as { $client?: pg.Pool }).$client;
  const url = pool?.options?.connectionString;
  if (!url) throw new Error('realtime bus: pass the PostgreSQL connection string (the pool does not tell it)');
  return url;
}

/** 0.5 s, 1 s, 2 s … capped at 30 s: a restarting PostgreSQL is not hammered by every Relais process at once. */
export const reconnectDelayMs = (attempt: number) => Math.min(30_000, 500 * 2 ** attempt);

async function listenPostgres(url: string, onPayload: (p: string) => void, onResync: () => void, logger: Log | undefined): Promise<Listener> {
  let current: pg.Client | null = null;
  let stopped = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  // LISTEN belongs to one session, so it cannot use the pool: a pooled connection changes hands.
  async function connect(): Promise<void> {
    const client = new pg.Client({ connectionString: url, keepAlive: true });
    client.on('notification', (n) => {
      if (n.channel === REALTIME_CHANNEL && n.payload) onPayload(n.payload);
    });
    client.on('error', (err) => {
      logger?.warn({ err }, 'realtime listener connection failed');
      lost(client);
    });
    client.on('end', () => lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${REALTIME_CHANNEL}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    if (stopped) await client.end().catch(() => undefined);
    else current = client;
  }

  function lost(client: pg.Client) {
    if (current !== client || stopped) return;
    current = null;
    client.end().catch(() => undefined);
    retry();
  }

  function retry() {
    timer = setTimeout(() => {
      connect().then(() => {
        attempt = 0;
        // Events NOTIFYed while we were away are gone: tell every receiver to reload.
        if (!stopped) onResync();
      }, (err) => {
        logger?.warn({ err, attempt }, 'realtime listener cannot reconnect yet');
        if (!stopped) retry();
      });
    }, reconnectDelayMs(attempt++));
    timer.unref();
  }

  await connect(); // at start-up, an unreachable database is an error the caller reports
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const client = current;
      current = null;
      await client?.end().catch(() => undefined);
    },
  };
}
