// `relais start`: the API, the web app and the background workers in one process.
import pino, { type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { buildApp } from './http/app.ts';
import { createMetrics } from './ops/metrics.ts';
import { createJobQueue, type JobQueue } from './jobs/job-queue.ts';
import { registerMaintenanceJobs } from './jobs/maintenance.jobs.ts';
import { seedDemoIfEmpty } from './demo/seed-on-start.ts';
import { registerTriageJobs } from './triage/triage.jobs.ts';
import { registerSlaJobs } from './sla/sla.jobs.ts';
import { initLanguageDetector } from './triage/signals/detect-language.ts';
import { createLlmClient } from './triage/generative/llm-client.ts';
import { createSecretBox, resolveSecretKey } from './channels/channel-secrets.ts';
import { useSecretBox } from './channels/channels.service.ts';
import { startOutboxDispatcher } from './outbox/dispatch-outbox.ts';
import { allAdapters } from './channels/registry.ts';

export class StartupError extends Error {}

export type RunningServer = {
  app: FastifyInstance;
  database: Database;
  queue: JobQueue;
  url: string;
  stop(): Promise<void>;
};

/** Request logs never carry secrets passed in URLs (`?token=` on the realtime WebSocket). */
const redactUrl = (url: string | undefined) => url?.replace(/([?&](?:token|access_token)=)[^&]*/gi, '$1[redacted]');

export function createLogger(config: Config): Logger {
  return pino({
    level: config.logLevel,
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }),
    },
  });
}

export async function startServer(config: Config, logger: Logger = createLogger(config)): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    // After opening the database: the embedded setup keeps its generated key in the data directory.
    useSecretBox(createSecretBox(resolveSecretKey(config)));
  } catch (err) {
    await database.close().catch(() => {});
    throw new StartupError((err as Error).message);
  }
  try {
    await runMigrations(database);
    if (config.seedDemo === 'auto') await seedDemoIfEmpty(database.db, logger);
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
  const metrics = createMetrics({ defaultMetrics: true });
  const queue = createJobQueue(database, logger);
  await queue.start();
  metrics.setQueueDepthReader(() => queue.depth());
  await registerMaintenanceJobs(queue, database, logger);
  // The language model loads in about a second; triage works on word evidence until it is ready.
  void initLanguageDetector().catch((err) => logger.warn({ err }, 'language detector unavailable: using word evidence only'));
  const llm = config.llm ? createLlmClient(config.llm) : undefined;
  await registerTriageJobs(queue, {
    db: database.db, mail: { smtpUrl: config.smtpUrl, from: config.mailFrom }, publicUrl: config.publicUrl, llm,
  }, logger);
  await registerSlaJobs(queue, { db: database.db, mail: { smtpUrl: config.smtpUrl, from: config.mailFrom }, publicUrl: config.publicUrl }, logger);

  const app = await buildApp({ config, database, metrics, startedAt: new Date(), queue, llm }, logger);
  const outbox = startOutboxDispatcher(database.db, logger);
  // Channels with listeners of their own (the SMTP server) start with the process and stop before the database.
  const listeners: { stop(): Promise<void> }[] = [];
  try {
    for (const adapter of allAdapters()) {
      if (adapter.start) listeners.push(await adapter.start({ db: database.db, queue, config, metrics }));
    }
  } catch (err) {
    for (const l of listeners) await l.stop().catch(() => {});
    await outbox.stop().catch(() => {});
    await queue.stop().catch(() => {});
    await database.close().catch(() => {});
    const e = err as NodeJS.ErrnoException;
    throw e.code === 'EADDRINUSE' ? new StartupError(`SMTP port ${config.smtpListenPort} is already in use: set RELAIS_SMTP_LISTEN_PORT`) : err;
  }
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    for (const l of listeners) await l.stop().catch(() => {});
    await outbox.stop().catch(() => {});
    await queue.stop().catch(() => {});
    await app.close().catch(() => {});
    await database.close().catch(() => {});
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') throw new StartupError(`port ${config.port} is already in use: stop the other server or set PORT`);
    if (e.code === 'EACCES') throw new StartupError(`port ${config.port} needs privileges: choose a port above 1024 with PORT`);
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  let stopping: Promise<void> | undefined;
  return {
    app, database, queue, url: `http://localhost:${port}`,
    // Order matters: stop taking requests and let in-flight ones finish, then let running jobs finish,
    // then close the database they were writing to.
    stop: () => (stopping ??= (async () => {
      await app.close();
      for (const l of listeners) await l.stop();
      await outbox.stop();
      await queue.stop();
      await database.close();
    })()),
  };
}
