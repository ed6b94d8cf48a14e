// Sustained inbound rate through the HTTP intake path, with triage running in the server: the API channel
// and the SMS webhook, on PGlite and on PostgreSQL. Baseline in the same run: GET /api/health under the
// same concurrency (the HTTP stack alone, no write).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresDatabase } from './fresh-postgres.ts';
import { startHttpRecorder } from '../../src/server/testing/local-receivers.ts';
import { summarize } from '../stats.ts';
import { prepareTenant } from './prepare-tenant.ts';
import { startRelais } from './relais-process.ts';
import { generateLoad } from './load-generator.ts';
import { startCpuMeter } from './cpu-usage.ts';

const round = (x: number) => Math.round(x * 100) / 100;

/** Jobs waiting or running, read from /metrics (the triage not done yet). */
async function jobQueueDepth(url: string): Promise<number | null> {
  const text = await fetch(`${url}/metrics`).then((r) => r.text(), () => '');
  const line = text.split('\n').find((l) => l.startsWith('relais_job_queue_depth'));
  return line ? Number(line.split(' ').pop()) : null;
}

export async function benchIntakeThroughput(engine: 'pglite' | 'postgres', seconds = 10, concurrency = 64) {
  const secretKey = randomBytes(32).toString('hex');
  const port = 39_500 + Math.floor(Math.random() * 400);
  const receiver = await startHttpRecorder();
  const dataDir = mkdtempSync(join(tmpdir(), 'relais-intake-'));
  const pg = engine === 'postgres' ? await freshPostgresDatabase() : undefined;
  const where = pg ? { databaseUrl: pg.url } : { dataDir };
  try {
    const tenant = await prepareTenant({ ...where, secretKey, port, webhookUrl: receiver.url });
    const server = await startRelais({ RELAIS_SECRET_KEY: secretKey, ...(pg ? { DATABASE_URL: pg.url } : { RELAIS_DATA_DIR: dataDir }) }, port);
    try {
      const target = { url: server.url, ...tenant };
      await generateLoad(target, { kind: 'api', seconds: 2, concurrency, prefix: 'warm' });
      const health: number[] = [];
      const deadline = Date.now() + 3000;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (Date.now() < deadline) {
          const t = performance.now();
          await (await fetch(`${server.url}/api/health`)).arrayBuffer();
          health.push(performance.now() - t);
        }
      }));
      // Each phase: the rate, the latency until committed, the CPU each accepted message cost (server
      // and PostgreSQL backends, triage included) and the triage backlog it leaves.
      const phase = async (kind: 'api' | 'sms') => {
        const meter = await startCpuMeter(server.child.pid!, pg?.url);
        const client = process.cpuUsage();
        const load = await generateLoad(target, { kind, seconds, concurrency, prefix: kind });
        const clientCpu = process.cpuUsage(client);
        const cpu = await meter.stop();
        const n = Math.max(1, load.acknowledged.length);
        return {
          acceptedPerSecond: Math.round(load.acknowledged.length / load.seconds), latencyMs: summarize(load.latenciesMs), statuses: load.statuses,
          cpuMsPerMessage: { server: round(cpu.serverMs / n), postgres: round(cpu.postgresMs / n), loadGenerator: round((clientCpu.user + clientCpu.system) / 1000 / n) },
          triageBacklogAfter: await jobQueueDepth(server.url),
        };
      };
      const apiChannel = await phase('api');
      const smsWebhook = await phase('sms');
      // With the load over, how fast the triage backlog drains (level-1 answers wait in it).
      const backlog = await jobQueueDepth(server.url);
      await new Promise((r) => setTimeout(r, 5000));
      const triageDrainPerSecond = backlog === null ? null : Math.round((backlog - (await jobQueueDepth(server.url) ?? backlog)) / 5);
      return {
        engine, concurrency, seconds, apiChannel, smsWebhook, triageDrainPerSecond,
        baselineHealthPerSecond: Math.round(health.length / 3), baselineHealthMs: summarize(health),
      };
    } finally {
      await server.kill();
    }
  } finally {
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (pg) await pg.drop().catch(() => {});
  }
}
