import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../http/authenticate.ts';
import { ADMIN_ONLY, MANAGER_ROLES, STAFF_ROLES, isCoreTeam } from '../accounts/roles.ts';
import { AppError } from '../errors.ts';
import {
  deleteRule, listRules, presentRule, replaceTeamRules, ruleInputSchema, ruleSchema, upsertRule, type RuleInput,
} from './delegation-rules.service.ts';
import { ANY_TOPIC } from './delegation-actions.ts';
import { autonomyRate, autonomySchema } from './autonomy-rate.ts';

// One shape for both uses (rather than a union) so a wrong field gets an error that names it.
const putBody = z.strictObject({
  teamId: z.uuid(),
  /** Replace the team's rules with these. */
  rules: z.array(ruleInputSchema).max(200).optional(),
  /** Or create or change one rule: */
  actionType: ruleInputSchema.shape.actionType.optional(),
  topic: ruleInputSchema.shape.topic.unwrap().optional(),
  mode: ruleInputSchema.shape.mode.optional(),
  maxAmount: z.number().nullable().optional(),
});

function oneRule(body: z.infer<typeof putBody>): RuleInput {
  if (!body.actionType) throw new AppError('validation_failed', 'body.actionType: send either rules (the whole set) or one rule');
  if (!body.mode) throw new AppError('validation_failed', 'body.mode: required when setting one rule');
  return { actionType: body.actionType, topic: body.topic ?? ANY_TOPIC, mode: body.mode, maxAmount: body.maxAmount ?? null };
}

const rulesList = z.object({ items: z.array(ruleSchema) });
const DAY = 86_400_000;

export async function delegationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['delegation'];

  r.get('/delegation/rules', {
    schema: {
      tags, summary: 'The delegation matrix (a provider agent sees their own team\'s rules)',
      querystring: z.object({ teamId: z.uuid().optional() }), response: { 200: rulesList },
    },
    preHandler: requireRole(STAFF_ROLES),
  }, async (request) => {
    const auth = authOf(request);
    const teamId = isCoreTeam(auth) ? request.query.teamId : auth.teamId;
    if (!isCoreTeam(auth) && !teamId) return { items: [] };
    return { items: (await listRules(db, auth.orgId, teamId ?? undefined)).map(presentRule) };
  });

  r.put('/delegation/rules', {
    schema: {
      tags, summary: "Replace a provider team's rules ({teamId, rules}) or set one ({teamId, actionType, topic?, mode, maxAmount?}) (admin)",
      body: putBody, response: { 200: rulesList },
    },
    preHandler: requireRole(ADMIN_ONLY),
  }, async (request) => {
    const auth = authOf(request);
    const body = request.body;
    if (body.rules && (body.actionType || body.mode || body.topic || body.maxAmount !== undefined)) {
      throw new AppError('validation_failed', 'body.rules: send either rules (the whole set) or one rule, not both');
    }
    const rows = body.rules
      ? await replaceTeamRules(db, auth.orgId, body.teamId, body.rules, auth.userId)
      : await upsertRule(db, auth.orgId, body.teamId, oneRule(body), auth.userId);
    return { items: rows.map(presentRule) };
  });

  r.delete('/delegation/rules/:id', {
    schema: { tags, summary: 'Remove a rule: the default applies again (admin)', params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
    preHandler: requireRole(ADMIN_ONLY),
  }, async (request, reply) => {
    const auth = authOf(request);
    await deleteRule(db, auth.orgId, request.params.id, auth.userId);
    return reply.code(204).send(null);
  });

  r.get('/delegation/autonomy', {
    schema: {
      tags, summary: 'Autonomy rate per provider team: conversations closed without the brand\'s approval (target 70%)',
      querystring: z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional(), teamId: z.uuid().optional() }),
      response: { 200: autonomySchema },
    },
    preHandler: requireRole(MANAGER_ROLES),
  }, async (request) => {
    const to = request.query.to ? new Date(request.query.to) : new Date();
    const from = request.query.from ? new Date(request.query.from) : new Date(to.getTime() - 30 * DAY);
    if (from.getTime() >= to.getTime()) throw new AppError('validation_failed', 'querystring.from: must be before to');
    return autonomyRate(db, authOf(request).orgId, { from, to, teamId: request.query.teamId });
  });
}
