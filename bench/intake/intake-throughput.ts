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
      const api = await generateLoad(target, { kind: 'api', seconds, concurrency, prefix: 'api' });
      const sms = await generateLoad(target, { kind: 'sms', seconds, concurrency, prefix: 'sms' });
      const rate = (r: typeof api) => Math.round(r.acknowledged.length / r.seconds);
      return {
        engine, concurrency, seconds,
        apiChannel: { acceptedPerSecond: rate(api), latencyMs: summarize(api.latenciesMs), statuses: api.statuses },
        smsWebhook: { acceptedPerSecond: rate(sms), latencyMs: summarize(sms.latenciesMs), statuses: sms.statuses },
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
