import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, json, startTestServer, type Tenant, type TestServer } from '../testing/test-server.ts';

describe('HTTP errors and ops endpoints', () => {
  let server: TestServer;
  let tenant: Tenant;
  before(async () => {
    server = await startTestServer({ RELAIS_BODY_LIMIT_BYTES: '2048' });
    tenant = await server.createTenant();
  });
  after(() => server.close());

  const assertErrorShape = (body: any, code: string) => {
    assert.equal(body.error.code, code);
    assert.equal(typeof body.error.message, 'string');
    assert.ok(body.error.message.length > 0);
  };

  it('health names the database engine', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 200);
    const body = json(res);
    assert.equal(body.status, 'ok');
    assert.equal(body.database, process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('serves an OpenAPI 3 document listing the resource routes, and interactive docs', async () => {
    const doc = json(await server.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    assert.match(doc.openapi, /^3\./);
    for (const path of ['/api/conversations', '/api/conversations/{id}/messages', '/api/contacts', '/api/articles', '/api/templates', '/api/users', '/api/auth/login']) {
      assert.ok(doc.paths[path], `OpenAPI lacks ${path}`);
    }
    const docs = await server.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /swagger/i);
  });

  it('exposes Prometheus metrics', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /relais_http_request_duration_seconds_bucket/);
    assert.match(res.body, /relais_job_queue_depth/);
    assert.match(res.body, /relais_messages_total/);
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const res = await server.app.inject({
      method: 'POST', url: '/api/templates', headers: { ...bearer(tenant.adminToken), 'content-type': 'application/json' }, payload: '{"name": ',
    });
    assert.equal(res.statusCode, 400);
    assertErrorShape(json(res), 'invalid_json');
  });

  it('answers wrong types and unknown fields with 422 naming the field', async () => {
    const wrongType = await server.app.inject({
      method: 'POST', url: '/api/templates', headers: bearer(tenant.adminToken), payload: { name: 42, language: 'fr', body: 'x' },
    });
    assert.equal(wrongType.statusCode, 422);
    assertErrorShape(json(wrongType), 'validation_failed');
    assert.match(json(wrongType).error.message, /name/);
    const unknown = await server.app.inject({
      method: 'POST', url: '/api/templates', headers: bearer(tenant.adminToken), payload: { name: 'a', language: 'fr', body: 'x', colour: 'red' },
    });
    assert.equal(unknown.statusCode, 422);
    assert.match(JSON.stringify(json(unknown).error), /colour/);
  });

  it('answers a body over the limit with 413', async () => {
    const res = await server.app.inject({
      method: 'POST', url: '/api/templates', headers: bearer(tenant.adminToken), payload: { name: 'big', language: 'fr', body: 'x'.repeat(5000) },
    });
    assert.equal(res.statusCode, 413);
    assertErrorShape(json(res), 'payload_too_large');
  });

  it('answers an unsupported content type with 415, not a crash', async () => {
    const res = await server.app.inject({
      method: 'POST', url: '/api/templates', headers: { ...bearer(tenant.adminToken), 'content-type': 'application/xml' }, payload: '<a/>',
    });
    assert.equal(res.statusCode, 415);
    assertErrorShape(json(res), 'unsupported_media_type');
  });

  it('answers unknown routes, bad ids and bad cursors with the error shape', async () => {
    const unknownRoute = await server.app.inject({ method: 'GET', url: '/api/nope' });
    assert.equal(unknownRoute.statusCode, 404);
    assertErrorShape(json(unknownRoute), 'not_found');
    const badId = await server.app.inject({ method: 'GET', url: '/api/conversations/not-a-uuid', headers: bearer(tenant.adminToken) });
    assert.equal(badId.statusCode, 422);
    assertErrorShape(json(badId), 'validation_failed');
    const missing = await server.app.inject({ method: 'GET', url: '/api/conversations/00000000-0000-4000-8000-000000000000', headers: bearer(tenant.adminToken) });
    assert.equal(missing.statusCode, 404);
    const badCursor = await server.app.inject({ method: 'GET', url: '/api/conversations?cursor=garbage', headers: bearer(tenant.adminToken) });
    assert.equal(badCursor.statusCode, 400);
    assertErrorShape(json(badCursor), 'bad_request');
    const badLimit = await server.app.inject({ method: 'GET', url: '/api/conversations?limit=100000', headers: bearer(tenant.adminToken) });
    assert.equal(badLimit.statusCode, 422);
  });

  it('requires authentication on resource routes', async () => {
    const none = await server.app.inject({ method: 'GET', url: '/api/conversations' });
    assert.equal(none.statusCode, 401);
    assertErrorShape(json(none), 'unauthenticated');
    const wrong = await server.app.inject({ method: 'GET', url: '/api/conversations', headers: bearer('rls_forged') });
    assert.equal(wrong.statusCode, 401);
  });
});
