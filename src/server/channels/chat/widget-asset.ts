// The widget script as served: bundled once per process on first request, kept in memory with its gzip and ETag.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { buildWidgetBundle } from '../../../widget/build-widget.ts';

type Asset = { body: Buffer; gzip: Buffer; etag: string };
let asset: Promise<Asset> | undefined;

function widgetAsset(): Promise<Asset> {
  asset ??= buildWidgetBundle().then((code) => {
    const body = Buffer.from(code, 'utf8');
    return { body, gzip: gzipSync(body, { level: 9 }), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
  });
  asset.catch(() => { asset = undefined; }); // a failed build is retried by the next request
  return asset;
}

export async function sendWidget(request: FastifyRequest, reply: FastifyReply) {
  const { body, gzip, etag } = await widgetAsset();
  // The URL never changes (it is pasted in the brand's pages): a short max-age, then revalidation by ETag.
  reply.header('cache-control', 'public, max-age=300, stale-while-revalidate=86400')
    .header('etag', etag)
    .header('vary', 'accept-encoding')
    // Brands' pages with Cross-Origin-Embedder-Policy may still load it.
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('x-content-type-options', 'nosniff');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  reply.type('text/javascript; charset=utf-8');
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(gzip);
  return reply.send(body);
}
