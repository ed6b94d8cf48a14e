import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Metrics } from '../ops/metrics.ts';

/** What route plugins need from the running server; built once by the entry point, and by tests. */
export type AppContext = {
  config: Config;
  database: Database;
  metrics: Metrics;
  startedAt: Date;
};

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
