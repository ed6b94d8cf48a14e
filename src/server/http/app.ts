// Builds the HTTP server: plugins, error shape, OpenAPI, and every concept's routes under /api.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import websocket from '@fastify/websocket';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { AppError } from '../errors.ts';
import type { AppContext } from './context.ts';
import { installErrorHandling } from './error-handler.ts';
import { authenticate } from './authenticate.ts';
import { opsRoutes } from '../ops/ops.routes.ts';
import { authRoutes } from '../accounts/auth.routes.ts';
import { usersRoutes } from '../accounts/users.routes.ts';
import { apiTokensRoutes } from '../accounts/api-tokens.routes.ts';
import { conversationsRoutes } from '../conversations/conversations.routes.ts';
import { messagesRoutes } from '../conversations/messages.routes.ts';
import { contactsRoutes } from '../contacts/contacts.routes.ts';
import { articlesRoutes } from '../knowledge/articles.routes.ts';
import { templatesRoutes } from '../templates/templates.routes.ts';
import { webAppRoutes } from '../web-app/web-app.routes.ts';
import { triageRoutes } from '../triage/triage.routes.ts';
import { alertsRoutes } from '../alerts/alerts.routes.ts';
import { settingsRoutes } from '../organizations/settings.routes.ts';
import { suggestionsRoutes } from '../knowledge/suggestions.routes.ts';
import { allAdapters } from '../channels/registry.ts';
import { channelsRoutes } from '../channels/channels.routes.ts';
import { WEBSOCKET_OPTIONS } from '../realtime/ensure-websocket.ts';
import { realtimeRoutes } from '../realtime/realtime.routes.ts';
import { routingRoutes } from '../routing/routing.routes.ts';
import { teamsRoutes } from '../organizations/teams.routes.ts';
import { delegationRoutes } from '../delegation/delegation.routes.ts';
import { approvalsRoutes } from '../delegation/approvals.routes.ts';
import { slaRoutes } from '../sla/sla.routes.ts';
import { expertsRoutes } from '../experts/experts.routes.ts';
import { coreTeamRoutes } from '../core-team/core-team.routes.ts';
import { reportsRoutes } from '../reports/reports.routes.ts';
import '../channels/all-adapters.ts';

export async function buildApp(ctx: AppContext, logger?: Logger): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger | undefined,
    bodyLimit: ctx.config.bodyLimitBytes,
    // Only behind a reverse proxy may X-Forwarded-For name the client: otherwise anyone could dodge rate limits.
    trustProxy: ctx.config.trustProxy,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>() as unknown as FastifyInstance;

  app.decorate('ctx', ctx);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  app.addHook('onResponse', async (request, reply) => {
    ctx.metrics.httpDuration
      .labels(request.method, request.routeOptions.url ?? 'unmatched', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  await app.register(cookie);
  // Registered once, at the root, before any route: agents' realtime and the chat widget both use it.
  await app.register(websocket, WEBSOCKET_OPTIONS);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      Object.assign(new AppError('rate_limited', `too many requests: retry in ${context.after}`), { statusCode: 429 }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Relais API',
        version: '0.1.0',
        description:
          'Every error answers {"error":{"code","message","details"}}. Authenticate with a session cookie ' +
          '(plus X-CSRF-Token on writes) or with `Authorization: Bearer <API token>`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'relais_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authenticate);

  await app.register(opsRoutes);
  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(usersRoutes);
      await api.register(apiTokensRoutes);
      await api.register(conversationsRoutes);
      await api.register(messagesRoutes);
      await api.register(contactsRoutes);
      await api.register(articlesRoutes);
      await api.register(templatesRoutes);
      await api.register(triageRoutes);
      await api.register(alertsRoutes);
      await api.register(settingsRoutes);
      await api.register(suggestionsRoutes);
      await api.register(channelsRoutes);
      await api.register(realtimeRoutes);
      await api.register(routingRoutes);
      await api.register(teamsRoutes);
      await api.register(delegationRoutes);
      await api.register(approvalsRoutes);
      await api.register(slaRoutes);
      await api.register(expertsRoutes);
      await api.register(coreTeamRoutes);
      await api.register(reportsRoutes);
    },
    { prefix: '/api' },
  );
  // Vendor webhooks live outside /api (vendors call /hooks/<type>/<key>), each channel registering its own.
  for (const adapter of allAdapters()) {
    if (adapter.registerRoutes) await app.register(async (hooks) => adapter.registerRoutes!(hooks, { db: ctx.database.db, queue: ctx.queue, config: ctx.config, metrics: ctx.metrics }));
  }
  await app.register(webAppRoutes);
  return app;
}
