// Serving the built web app: the page for every client-side route, hashed assets cached for a year (and never a
// cached 404), pre-compressed copies, the server's own paths kept as JSON 404s, and a clear page without a build.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { installErrorHandling } from '../http/error-handler.ts';
import { webAppRoutes } from './web-app.routes.ts';

const APP_JS = 'console.log("relais app");'.repeat(50);

async function serve(dist: string): Promise<FastifyInstance> {
  const app = Fastify();
  installErrorHandling(app);
  await app.register(webAppRoutes, { dist });
  await app.ready();
  return app;
}

describe('web app serving', () => {
  let dist: string;
  let missing: string;
  let app: FastifyInstance;
  let bare: FastifyInstance;
  before(async () => {
    dist = mkdtempSync(join(tmpdir(), 'relais-web-dist-'));
    missing = join(dist, 'not-built');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app-abc123.js"></script>');
    writeFileSync(join(dist, 'assets/app-abc123.js'), APP_JS);
    writeFileSync(join(dist, 'assets/app-abc123.js.gz'), gzipSync(APP_JS));
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = await serve(dist);
    bare = await serve(missing);
  });
  after(async () => {
    await app.close();
    await bare.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the page at / and at client-side routes, never cached, with a strict content security policy', async () => {
    for (const url of ['/', '/inbox', '/inbox/8a3c1f7e-0000-4000-8000-000000000000?status=open', '/admin/channels']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      assert.match(res.body, /<div id="root">/);
      assert.equal(res.headers['cache-control'], 'no-cache');
      const csp = res.headers['content-security-policy'] as string;
      assert.match(csp, /script-src 'self'(;|$)/, 'no inline script may run');
      assert.match(csp, /frame-ancestors 'none'/);
    }
  });

  it('caches hashed assets for a year and sends the pre-compressed copy to browsers that accept it', async () => {
    const plain = await app.inject({ url: '/assets/app-abc123.js' });
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.body, APP_JS);
    assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
    const gz = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.statusCode, 200);
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.match(gz.headers['content-type'] as string, /javascript/);
    assert.ok(Number(gz.headers['content-length']) < APP_JS.length);
  });

  it('answers a missing asset with the JSON 404 and no long cache (an old page must not keep a broken file)', async () => {
    const res = await app.inject({ url: '/assets/app-gone999.js' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'not_found');
    assert.notEqual(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  it('keeps the server paths as JSON 404s instead of the app page', async () => {
    for (const url of ['/api/nope', '/api/conversations-typo/1', '/hooks/unknown/key', '/metricsx']) {
      const res = await app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.deepEqual(Object.keys(res.json().error).sort(), ['code', 'message']);
      assert.match(res.json().error.message, /no route for GET/);
    }
    const post = await app.inject({ method: 'POST', url: '/inbox' });
    assert.equal(post.statusCode, 404);
    assert.equal(post.json().error.code, 'not_found');
  });

  it('serves files at the root of the build, and refuses paths that climb out of it', async () => {
    const icon = await app.inject({ url: '/favicon.svg' });
    assert.equal(icon.statusCode, 200);
    assert.match(icon.headers['content-type'] as string, /svg/);
    const climb = await app.inject({ url: '/assets/..%2f..%2fetc%2fpasswd' });
    assert.ok([403, 404].includes(climb.statusCode), `status ${climb.statusCode}`);
    assert.doesNotMatch(climb.body, /root:/);
  });

  it('says clearly how to build the app when there is no build, instead of failing', async () => {
    const res = await bare.inject({ url: '/inbox' });
    assert.equal(res.statusCode, 503);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assert.match(res.body, /npm run build:web/);
    assert.match(res.body, /n'est pas encore construite/);
  });
});
