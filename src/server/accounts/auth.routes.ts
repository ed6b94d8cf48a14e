import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE, authOf, requireRole } from '../http/authenticate.ts';
import { ANY_ROLE } from './roles.ts';
import { login, logout } from './sessions.service.ts';
import { presentUser, userSchema } from './users.presenter.ts';
import { getUser } from './users.service.ts';

const loginBody = z.strictObject({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(1024) });
export const sessionSchema = z.object({ user: userSchema, csrfToken: z.string().nullable() });

export function secureCookie(app: FastifyInstance, request: FastifyRequest): boolean {
  const setting = app.ctx.config.cookieSecure;
  return setting === 'auto' ? request.protocol === 'https' : setting === 'true';
}

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;

  r.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Sign in with email and password', security: [], body: loginBody, response: { 200: sessionSchema } },
      config: {
        rateLimit: {
          max: app.ctx.config.loginRateLimitPerMinute,
          timeWindow: '1 minute',
          // Per address and per account: one attacker cannot lock out a whole office behind one NAT by email.
          keyGenerator: (req: FastifyRequest) => `${req.ip}|${String((req.body as any)?.email ?? '').toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      const result = await login(db, { ...request.body, ip: request.ip }, app.ctx.config.sessionTtlHours);
      reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie(app, request), expires: result.expiresAt,
      });
      return { user: presentUser(await getUser(db, result.orgId, result.userId)), csrfToken: result.csrfToken };
    },
  );

  r.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null() } }, preHandler: requireRole(ANY_ROLE) },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await logout(db, cookie);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token for writes', response: { 200: sessionSchema } }, preHandler: requireRole(ANY_ROLE) },
    async (request) => {
      const auth = authOf(request);
      return { user: presentUser(await getUser(db, auth.orgId, auth.userId)), csrfToken: request.csrfToken };
    },
  );
}
