import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHANNEL_TYPES, SEVERITIES } from '../db/schema/index.ts';
import { authOf, requireRole } from '../http/authenticate.ts';
import { MANAGER_ROLES, STAFF_ROLES } from '../accounts/roles.ts';
import { triageForOrg } from './triage-for-org.ts';
import { trainOrgModel } from './train-org-model.ts';
import { addIntentExamples, describeCurrentModel } from './intent-model-store.ts';

const triageResultSchema = z.object({
  language: z.enum(['fr', 'en', 'other']), intent: z.string().nullable(), confidence: z.number(), severity: z.enum(SEVERITIES),
  crisisKind: z.enum(['self_harm', 'violence']).optional(), sentiment: z.number(), flags: z.array(z.string()),
  decision: z.enum(['auto_answer', 'level2', 'level3', 'spam']), level: z.number().int(), priority: z.number().int(),
  reasons: z.array(z.string()), abstained: z.boolean(),
  answer: z.object({ kind: z.enum(['article', 'template', 'generated']), id: z.string(), title: z.string(), citations: z.array(z.object({ kind: z.string(), id: z.string(), title: z.string() })).optional() }).optional(),
  threshold: z.number().nullable(), modelVersion: z.string(),
});
const trainingReportSchema = z.object({
  modelId: z.uuid(), examples: z.number(), labels: z.number(), threshold: z.number().nullable(),
  heldOut: z.object({ items: z.number(), precision: z.number(), coverage: z.number() }), trainingSeconds: z.number(),
});
const label = z.string().trim().min(1).max(100);

export async function triageRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['triage'];

  r.post('/triage', {
    schema: {
      tags, summary: 'Triage a text without storing anything: what Relais would decide, and why',
      body: z.strictObject({
        text: z.string().max(100_000), channelType: z.enum(CHANNEL_TYPES).default('api'), isPublic: z.boolean().default(false),
        followers: z.number().int().min(0).optional(),
      }),
      response: { 200: triageResultSchema },
    },
    preHandler: requireRole(STAFF_ROLES),
  }, async (request) => {
    const b = request.body;
    const { answerBody: _body, ...result } = await triageForOrg(db, authOf(request).orgId, b.text, { type: b.channelType, isPublic: b.isPublic },
      b.followers === undefined ? undefined : { followers: b.followers });
    return result;
  });

  r.get('/nlu/model', {
    schema: {
      tags, summary: "The organization's current intent model",
      response: { 200: z.object({ model: z.object({ id: z.uuid(), version: z.string(), labels: z.array(z.string()), threshold: z.number(), targetPrecision: z.number(), exampleCount: z.number(), metrics: z.record(z.string(), z.unknown()), createdAt: z.string() }).nullable() }) },
    },
    preHandler: requireRole(STAFF_ROLES),
  }, async (request) => ({ model: await describeCurrentModel(db, authOf(request).orgId) }));

  r.post('/nlu/examples', {
    schema: {
      tags, summary: 'Add labeled examples for the next training',
      body: z.strictObject({ examples: z.array(z.strictObject({ text: z.string().trim().min(1).max(20_000), label })).min(1).max(10_000) }),
      response: { 201: z.object({ added: z.number() }) },
    },
    preHandler: requireRole(MANAGER_ROLES),
  }, async (request, reply) => {
    return reply.code(201).send({ added: await addIntentExamples(db, authOf(request).orgId, request.body.examples) });
  });

  r.post('/nlu/train', {
    schema: {
      tags, summary: 'Retrain the intent model from examples, resolved conversations and corrections',
      body: z.strictObject({ outOfScopeLabel: label.nullable().default(null) }).default({ outOfScopeLabel: null }),
      response: { 200: trainingReportSchema },
    },
    preHandler: requireRole(MANAGER_ROLES),
  }, async (request) => trainOrgModel(db, authOf(request).orgId, { outOfScopeLabel: request.body.outOfScopeLabel }));
}
