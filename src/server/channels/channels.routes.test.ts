import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { channels } from '../db/schema/index.ts';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';

describe('channels administration', () => {
  let server: TestServer;
  let tenant: Tenant;
  before(async () => {
    server = await startTestServer();
    tenant = await server.createTenant();
  });
  after(() => server.close());

  it('connects a channel with checked settings, stored encrypted, readable by admins only', async () => {
    const h = bearer(tenant.adminToken);
    const bad = await server.app.inject({ method: 'POST', url: '/api/channels', headers: h, payload: { type: 'sms', name: 'SMS', settings: { accountSid: 'AC1' } } });
    assert.equal(bad.statusCode, 422);
    assert.match(json(bad).error.message, /settings: /);
    const created = await server.app.inject({ method: 'POST', url: '/api/channels', headers: h, payload: {
      type: 'sms', name: 'SMS', settings: { accountSid: 'AC' + 'a'.repeat(32), authToken: 'twilio-auth-token-123', fromNumber: '+33700000000' },
    } });
    assert.equal(created.statusCode, 201, created.body);
    const channel = json(created);
    assert.match(channel.webhookPath, /^\/hooks\/sms\/[0-9a-f]{32}$/);
    const [row] = await server.database.db.select().from(channels).where(eq(channels.id, channel.id));
    assert.ok(row!.settingsEncrypted && !row!.settingsEncrypted.includes('twilio-auth-token-123'), 'settings stored in clear');
    const settings = json(await server.app.inject({ method: 'GET', url: `/api/channels/${channel.id}/settings`, headers: h }));
    assert.equal(settings.settings.authToken, 'twilio-auth-token-123');
    const agent = await tenant.addUser('agent');
    assert.equal((await server.app.inject({ method: 'GET', url: `/api/channels/${channel.id}/settings`, headers: bearer(agent.token) })).statusCode, 403);
    const listed = json(await server.app.inject({ method: 'GET', url: '/api/channels', headers: bearer(agent.token) }));
    assert.ok(listed.items.some((c: any) => c.id === channel.id && c.settingsConfigured));
    assert.ok(!JSON.stringify(listed).includes('twilio-auth-token-123'));
  });

  it('gives the embed snippet of a chat channel, and the widget it names is served', async () => {
    const chat = json(await server.app.inject({ method: 'POST', url: '/api/channels', headers: bearer(tenant.adminToken), payload: { type: 'chat', name: 'Site' } }));
    const src = /src="([^"]+)"/.exec(chat.embedSnippet)![1]!;
    assert.match(src, new RegExp(`/hooks/chat/[0-9a-f]{32}/widget\\.js$`));
    const widget = await server.app.inject({ method: 'GET', url: src });
    assert.equal(widget.statusCode, 200);
    assert.match(String(widget.headers['content-type']), /javascript/);
  });
});
