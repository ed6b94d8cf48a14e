// The server process as it runs in production: real sockets, SIGTERM-style stop with requests in flight.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { loadConfig } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { templates } from './db/schema/index.ts';
import { startServer } from './main.ts';
import { createTestDatabase, type TestDatabase } from './testing/test-database.ts';
import { createBrand } from './organizations/organizations.service.ts';
import { createUser } from './accounts/users.service.ts';
import { createApiToken } from './accounts/api-tokens.service.ts';

describe('server process', () => {
  let dataDir: string;
  let pgDatabase: TestDatabase | undefined;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'relais-main-'));
    if (process.env.DATABASE_URL) pgDatabase = await createTestDatabase();
  });
  after(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await pgDatabase?.dispose();
  });

  const config = () => loadConfig({
    PORT: '0', HOST: '127.0.0.1', RELAIS_DATA_DIR: dataDir, RELAIS_SEED_DEMO: 'never',
    ...(pgDatabase?.url ? { DATABASE_URL: pgDatabase.url, RELAIS_SECRET_KEY: 'ab'.repeat(32) } : {}),
  });
  const reopen = async (): Promise<Database> => pgDatabase ?? openDatabase({ dataDir });

  it('finishes in-flight requests on stop and loses no acknowledged write', async () => {
    const server = await startServer(config(), pino({ level: 'silent' }));
    const org = await createBrand(server.database.db, { name: 'Shutdown', slug: `shutdown-${Date.now()}` });
    const user = await createUser(server.database.db, org.id, { email: `admin-${Date.now()}@shutdown.test`, name: 'A', role: 'admin' }, { kind: 'system' });
    const { token } = await createApiToken(server.database.db, org.id, user.id, 't', null);

    const post = (i: number) => fetch(`${server.url}/api/templates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `t${i}`, language: 'fr', body: `corps ${i}` }),
    }).then(async (r) => ({ status: r.status }), () => ({ status: 0 }));

    const inFlight = Array.from({ length: 60 }, (_, i) => post(i));
    // Stop as soon as the first answer arrives: the others are then being handled or queued on their sockets.
    await Promise.race(inFlight);
    await server.stop();
    const results = await Promise.all(inFlight);
    const acknowledged = results.filter((r) => r.status === 201).length;
    // Anything not acknowledged was refused cleanly (503 while closing, or no connection), never a 500.
    assert.ok(results.every((r) => [201, 503, 0].includes(r.status)), JSON.stringify(results.map((r) => r.status)));
    assert.ok(acknowledged > 0, 'no request completed before the stop');

    const check = await reopen();
    const stored = await check.db.select().from(templates).where(eq(templates.orgId, org.id));
    assert.equal(stored.length, acknowledged);
    if (!pgDatabase) await check.close();
  });
});
