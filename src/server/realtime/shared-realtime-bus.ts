// One listening bus per database per process, shared by every plugin that needs it (agents' sockets, the chat
// channel), so a process holds one LISTEN connection however many features subscribe.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.ts';
import { createRealtimeBus, type RealtimeBus } from './realtime-bus.ts';

const buses = new WeakMap<Database, Promise<RealtimeBus>>();

export function realtimeBusFor(database: Database, logger?: FastifyInstance['log']): Promise<RealtimeBus> {
  let bus = buses.get(database);
  if (!bus) {
    bus = createRealtimeBus(database, { logger });
    buses.set(database, bus);
    bus.catch(() => buses.delete(database));
  }
  return bus;
}

/** The app's bus, stopped when the app closes (before the database is). Idempotent across plugins. */
export async function realtimeBusOf(app: FastifyInstance): Promise<RealtimeBus> {
  const database = app.ctx.database;
  const bus = await realtimeBusFor(database, app.log);
  app.addHook('onClose', async () => {
    if (buses.get(database)) {
      buses.delete(database);
      await bus.close();
    }
  });
  return bus;
}
