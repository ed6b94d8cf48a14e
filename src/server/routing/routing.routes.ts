import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../http/authenticate.ts';
import { ADMIN_ONLY, CORE_ROLES, MANAGER_ROLES, STAFF_ROLES } from '../accounts/roles.ts';
import { PRESETS } from '../organizations/org-settings.ts';
import { createRule, deleteRule, listRules, updateRule } from './rules.service.ts';
import { ruleInputSchema, rulePatchSchema, ruleSchema } from './rule-schema.ts';
import { simulateBody, simulateRoute } from './simulate-route.ts';
import { conversationRouting, listUnrouted } from './routing-history.ts';
import { pickConversation, rerouteConversation } from './reroute.ts';

const idParams = z.object({ id: z.uuid() });
const fired = z.array(z.object({ id: z.string().nullable(), name: z.string(), reason: z.string() }));
const place = z.object({ level: z.number().int().nullable(), teamId: z.uuid().nullable(), assigneeId: z.uuid().nullable() });
const decisionSchema = z.object({
  id: z.uuid(), kind: z.string(), messageId: z.uuid().nullable(), from: place.nullable(), to: place, priority: z.number().int(),
  rules: fired, actorUserId: z.uuid().nullable(), note: z.string().nullable(), createdAt: z.string(),
});
const moved = z.object({ conversationId: z.uuid(), level: z.number().int(), teamId: z.uuid().nullable(), assigneeId: z.uuid().nullable(), decisionId: z.uuid() });
const routeDecisionSchema = z.object({
  target: z.string(), level: z.number().int(), teamId: z.uuid().nullable(), priority: z.number().int(), autoAnswerAllowed: z.boolean(),
  confidential: z.boolean(), tags: z.array(z.string()), passUp: z.boolean(), fired,
});
const PICKERS = ['admin', 'supervisor', 'agent', 'provider_agent', 'expert'] as const;

export async function routingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['routing'];
  const actor = (request: Parameters<typeof authOf>[0]) => ({ orgId: authOf(request).orgId, userId: authOf(request).userId });

  r.get('/routing/rules', {
    schema: { tags, summary: "The organization's routing: preset, built-in rules in order, and its own rules",
      response: { 200: z.object({ preset: z.enum(PRESETS), builtIn: z.array(z.object({ name: z.string(), stage: z.enum(['safety', 'custom', 'preset']) })), items: z.array(ruleSchema) }) } },
    preHandler: requireRole(MANAGER_ROLES),
  }, async (request) => listRules(db, authOf(request).orgId));

  r.post('/routing/rules', {
    schema: { tags, summary: 'Add a rule (admin): the whole set is validated (conflicts, shadowed rules, teams, confidential topics)', body: ruleInputSchema, response: { 201: ruleSchema } },
    preHandler: requireRole(ADMIN_ONLY),
  }, async (request, reply) => {
    const rule = await createRule(db, actor(request), request.body);
    reply.code(201);
    return rule;
  });

  r.patch('/routing/rules/:id', {
    schema: { tags, summary: 'Change a rule (admin): the whole set is validated again', params: idParams, body: rulePatchSchema, response: { 200: ruleSchema } },
    preHandler: requireRole(ADMIN_ONLY),
  }, async (request) => updateRule(db, actor(request), request.params.id, request.body));

  r.delete('/routing/rules/:id', {
    schema: { tags, summary: 'Delete a rule (admin)', params: idParams, response: { 204: z.null() } },
    preHandler: requireRole(ADMIN_ONLY),
  }, async (request, reply) => {
    await deleteRule(db, actor(request), request.params.id);
    reply.code(204);
    return null;
  });

  r.post('/routing/simulate', {
    schema: { tags, summary: 'Where would this message go, and why? (text or a triage result; nothing stored)', body: simulateBody,
      response: { 200: z.object({ triage: z.record(z.string(), z.unknown()), decision: routeDecisionSchema, placement: z.object({ level: z.number().int(), teamId: z.uuid().nullable(), assigneeId: z.uuid().nullable(), unrouted: z.boolean(), notes: fired }).nullable() }) } },
    preHandler: requireRole(MANAGER_ROLES),
  }, async (request) => simulateRoute(db, authOf(request).orgId, request.body));

  r.get('/routing/unrouted', {
    schema: { tags, summary: 'The unrouted queue: conversations no queue or person could take, most urgent first',
      response: { 200: z.object({ items: z.array(z.object({
        id: z.uuid(), level: z.number().int(), priority: z.number().int(), severity: z.string(), intent: z.string().nullable(), language: z.string().nullable(),
        confidential: z.boolean(), channelId: z.uuid(), contactId: z.uuid(), routing: z.record(z.string(), z.unknown()).nullable(), lastMessageAt: z.string(),
      })) }) } },
    preHandler: requireRole(MANAGER_ROLES),
  }, async (request) => ({ items: await listUnrouted(db, authOf(request).orgId) }));

  r.get('/conversations/:id/routing', {
    schema: { tags, summary: 'Why is this here? The current routing with the rules that fired, and every move before', params: idParams,
      response: { 200: z.object({
        conversationId: z.uuid(), level: z.number().int(), teamId: z.uuid().nullable(), assigneeId: z.uuid().nullable(), priority: z.number().int(),
        confidential: z.boolean(), unrouted: z.boolean(), current: z.record(z.string(), z.unknown()).nullable(), history: z.array(decisionSchema),
      }) } },
    preHandler: requireRole(STAFF_ROLES),
  }, async (request) => conversationRouting(db, authOf(request), request.params.id));

  r.post('/conversations/:id/reroute', {
    schema: { tags, summary: 'Re-route or escalate (core team): to a level, a team or a person, with a note; the history is kept', params: idParams,
      body: z.strictObject({ level: z.union([z.literal(2), z.literal(3)]).optional(), teamId: z.uuid().optional(), assigneeId: z.uuid().optional(), note: z.string().trim().min(1).max(2000) }),
      response: { 200: moved } },
    preHandler: requireRole(CORE_ROLES),
  }, async (request) => rerouteConversation(db, authOf(request), request.params.id, request.body));

  r.post('/conversations/:id/pick', {
    schema: { tags, summary: 'Take the conversation for yourself, if it is in your queue, within your skills and capacity', params: idParams, response: { 200: moved } },
    preHandler: requireRole(PICKERS),
  }, async (request) => pickConversation(db, authOf(request), request.params.id));
}
