// Serves the web app built by scripts/build-web.ts into dist/web: hashed assets for a year (their names change
// with their content), index.html for `/` and every client-side route (never cached, so a new build is picked
// up at once). /api, /hooks and /metrics keep their JSON 404s. Without a build, `/` says how to make one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors.ts';

export const WEB_DIST = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/** Paths that belong to the server: an unknown one is a JSON 404, never the app's page. */
const SERVER_PREFIXES = ['/api/', '/hooks/', '/metrics'];
/** A file at the build's root (favicon.svg, robots.txt): served as is rather than as the app's page. */
const ROOT_FILE = /^\/[\w.-]+\.(svg|png|ico|txt|webmanifest|json)$/;

/**
 * The app's page runs no inline script and loads nothing from elsewhere: even if customer text slipped into
 * the page as HTML, the browser would refuse to run it. Mantine sets inline styles, hence 'unsafe-inline' for style.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "font-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Relais</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1b1e}
code{background:#f1f3f5;padding:.1rem .3rem;border-radius:4px}</style></head>
<body><h1>Relais</h1>
<p>The web app is not built yet. <code>npm start</code> builds it on start; to build it by hand, run
<code>npm run build:web</code> and reload this page.</p>
<p>L'application web n'est pas encore construite : <code>npm start</code> la construit au démarrage, ou lancez
<code>npm run build:web</code> puis rechargez la page.</p>
<p>The API works meanwhile: <a href="/api/docs">/api/docs</a>.</p></body></html>`;

function sendIndex(reply: FastifyReply, dist: string) {
  reply.header('cache-control', 'no-cache').header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff').header('referrer-policy', 'same-origin');
  if (!existsSync(join(dist, 'index.html'))) return reply.code(503).type('text/html; charset=utf-8').send(notBuiltPage);
  return reply.sendFile('index.html', dist);
}

/** `dist`: where the built app is (tests pass their own). */
export async function webAppRoutes(app: FastifyInstance, options: { dist?: string } = {}) {
  const dist = options.dist ?? WEB_DIST;
  // serve: false: only the routes below, so the fallback and the cache headers stay in one place.
  // Cache headers are set only on files found (a missing asset is a 404 that no cache must keep).
  await app.register(fastifyStatic, {
    serve: false, preCompressed: true, cacheControl: false,
    setHeaders: (reply, path) => {
      if (path.includes('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      else if (!path.endsWith('.html')) reply.header('cache-control', 'public, max-age=3600');
    },
  });

  app.get('/assets/*', { schema: { hide: true } }, async (request: FastifyRequest<{ Params: { '*': string } }>, reply) =>
    reply.sendFile(`assets/${request.params['*']}`, dist));

  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0]!;
    if (SERVER_PREFIXES.some((prefix) => path.startsWith(prefix))) throw new AppError('not_found', `no route for ${request.method} ${path}`);
    if (ROOT_FILE.test(path) && existsSync(join(dist, path.slice(1)))) return reply.sendFile(path.slice(1), dist);
    return sendIndex(reply, dist);
  };
  app.get('/', { schema: { hide: true } }, page);
  app.get('/*', { schema: { hide: true } }, page);
}
