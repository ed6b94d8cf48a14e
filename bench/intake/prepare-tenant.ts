// A tenant with an API channel (replies to a local webhook receiver) and an SMS channel, made directly in
// the database before the server starts (a PGlite data directory belongs to one process at a time).
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../src/server/db/client.ts';
import { runMigrations } from '../../src/server/db/migrate.ts';
import { createBrand } from '../../src/server/organizations/organizations.service.ts';
import { createUser } from '../../src/server/accounts/users.service.ts';
import { createApiToken } from '../../src/server/accounts/api-tokens.service.ts';
import { createSecretBox } from '../../src/server/channels/channel-secrets.ts';
import { createConfiguredChannel, useSecretBox } from '../../src/server/channels/channels.service.ts';
import '../../src/server/channels/all-adapters.ts';

export const TWILIO_TOKEN = 'bench-twilio-auth-token';

export async function prepareTenant(opts: { databaseUrl?: string; dataDir?: string; secretKey: string; port: number; webhookUrl: string }) {
  const database = await openDatabase({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir });
  try {
    await runMigrations(database);
    useSecretBox(createSecretBox(opts.secretKey));
    const { db } = database;
    const org = await createBrand(db, { name: 'Bench', slug: `bench-${randomBytes(4).toString('hex')}` });
    const admin = await createUser(db, org.id, { email: `bench-${randomBytes(4).toString('hex')}@bench.test`, name: 'Bench', role: 'admin' }, { kind: 'system' });
    const { token } = await createApiToken(db, org.id, admin.id, 'bench', null);
    const api = await createConfiguredChannel(db, org.id, { type: 'api', name: 'API', settings: { webhookUrl: opts.webhookUrl } });
    const sms = await createConfiguredChannel(db, org.id, {
      type: 'sms', name: 'SMS',
      settings: { accountSid: `AC${'b'.repeat(32)}`, authToken: TWILIO_TOKEN, fromNumber: '+33700000000', publicUrl: `http://127.0.0.1:${opts.port}` },
    });
    return { orgId: org.id, token, apiChannelId: api.id, smsKey: sms.webhookKey };
  } finally {
    await database.close();
  }
}
