// Resolves the caller on every request (API token or session cookie) and offers `requireRole` to routes.
// Cookie-authenticated writes must echo the session's CSRF token in the X-CSRF-Token header;
// API tokens are not sent automatically by browsers, so they need no CSRF check.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { AuthContext } from '../accounts/roles.ts';
import { resolveApiToken, resolveSession } from '../accounts/sessions.service.ts';

export const SESSION_COOKIE = 'relais_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    csrfToken: string | null;
  }
}

export const authenticate = fp(async (app: FastifyInstance) => {
  app.decorateRequest('auth', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const resolved = match ? await resolveApiToken(app.ctx.database.db, match[1]!) : null;
      if (!resolved) throw new AppError('unauthenticated', 'API token is invalid or revoked');
      request.auth = resolved.auth;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const resolved = await resolveSession(app.ctx.database.db, cookie);
    if (!resolved) return; // an expired cookie is the same as none: the route decides if it needs a login
    request.auth = resolved.auth;
    request.csrfToken = resolved.csrfToken ?? null;
  });
});

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** preHandler: the caller must be signed in with one of `roles`; cookie writes must carry the CSRF token. */
export function requireRole(roles: readonly Role[]): preHandlerHookHandler {
  return async (request: FastifyRequest) => {
    const auth = request.auth;
    if (!auth) throw new AppError('unauthenticated', 'sign in or send an API token');
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.csrfToken || !sameSecret(sent, request.csrfToken)) {
        throw new AppError('csrf_failed', 'missing or wrong X-CSRF-Token header');
      }
    }
    if (!roles.includes(auth.role)) throw new AppError('forbidden', `this action needs one of the roles: ${roles.join(', ')}`);
  };
}

/** The signed-in caller; only call after requireRole. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('unauthenticated', 'sign in or send an API token');
  return request.auth;
}
