// What the API, web-form and community channels share on the way in: body parsers that keep the raw
// payload (so an unreadable one can be kept as a dead letter instead of being lost in a generic 400),
// and per-source rate limits.
// (Shared helpers live here because this task may only add files under the three channel folders;
// they could move to channels/shared/ without change.)
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { recordDeadLetter } from '../channels.service.ts';
import type { ChannelDeps, ChannelRecord } from '../channel-adapter.ts';

/** A body that could not be parsed: the handler records it as a dead letter and answers 400. */
export class UnreadablePayload {
  constructor(readonly reason: string) {}
}

const rawBodies = new WeakMap<FastifyRequest, string>();

/**
 * Replaces the JSON parser (and adds a urlencoded one) in the calling plugin's scope only. Fastify's own
 * parser still does the parsing, with its prototype-poisoning protection; a failure becomes an
 * UnreadablePayload instead of an error thrown before the handler.
 */
export function keepRawPayloads(app: FastifyInstance, options: { urlencoded: boolean }): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    rawBodies.set(request, body as string);
    parseJson(request, body as string, (err, value) => done(null, err ? new UnreadablePayload(`malformed JSON: ${err.message}`) : value));
  });
  if (options.urlencoded) {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (request, body, done) => {
      rawBodies.set(request, body as string);
      // A repeated field keeps its last value; the schemas only take single strings.
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
  }
}

export const rawPayloadOf = (request: FastifyRequest): string => rawBodies.get(request) ?? '';

/** Never keep credentials in a dead letter. */
function safeHeaders(request: FastifyRequest): Record<string, unknown> {
  const { 'content-type': contentType, 'user-agent': userAgent, 'content-length': length } = request.headers;
  return { 'content-type': contentType, 'user-agent': userAgent, 'content-length': length, ip: request.ip };
}

/** Keeps the payload as a dead letter, then answers 400 with the reason. */
export async function refuseUnreadable(db: ChannelDeps['db'], request: FastifyRequest, channel: ChannelRecord, reason: string, details?: unknown): Promise<never> {
  await recordDeadLetter(db, {
    orgId: channel.orgId, channelId: channel.id, source: channel.type, reason, headers: safeHeaders(request), payload: rawPayloadOf(request),
  });
  throw new AppError('bad_request', reason, details);
}

/** The body as an object, or a dead letter and 400 when it is not one. */
export async function bodyObject(deps: ChannelDeps, request: FastifyRequest, channel: ChannelRecord): Promise<Record<string, unknown>> {
  const body = request.body;
  if (body instanceof UnreadablePayload) return refuseUnreadable(deps.db, request, channel, body.reason);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return refuseUnreadable(deps.db, request, channel, body === undefined ? 'the request has no body' : 'the body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** Checks the body against the channel's schema; a mismatch is a dead letter and a 400 naming the fields. */
export async function parsePayload<T extends z.ZodType>(deps: ChannelDeps, request: FastifyRequest, channel: ChannelRecord, body: unknown, schema: T): Promise<z.output<T>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  return refuseUnreadable(deps.db, request, channel, `${first?.path || 'body'}: ${first?.message ?? 'is invalid'}`, { issues });
}

/**
 * Per-route rate limit keyed by source within one channel, so a flood from one address (or token) gets
 * 429 while other sources, and other channels, are not slowed. Counters are per process (LocalStore).
 */
export function limitPerSource(max: number, source: 'ip' | 'token' = 'ip') {
  return {
    rateLimit: {
      max,
      timeWindow: 60_000,
      keyGenerator: (request: FastifyRequest) => {
        const params = request.params as { key?: string; channelId?: string };
        const auth = request.headers.authorization;
        const who = source === 'token' && auth ? `t:${createHash('sha256').update(auth).digest('hex')}` : `ip:${request.ip}`;
        return `${params.key ?? params.channelId ?? ''}|${who}`;
      },
    },
  };
}

/** A path id that is not a UUID cannot name a record: 404 rather than a database error. */
export const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
