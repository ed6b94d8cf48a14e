import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole } from '../http/authenticate.ts';
import { pageSchema, paginationQuery } from '../http/pagination.ts';
import { STAFF_ROLES } from '../accounts/roles.ts';
import type { Role } from '../db/schema/index.ts';
import {
  APPROVAL_STATUSES, approvalSchema, approveRequest, getApproval, listApprovals, presentApproval, rejectRequest,
} from './approvals.service.ts';

/** The brand's people decide; a bot or a provider never approves a provider's reply. */
const DECIDERS: readonly Role[] = ['admin', 'supervisor', 'agent'];
const params = z.object({ id: z.uuid() });

export async function approvalsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['delegation'];

  r.get('/approvals', {
    schema: {
      tags, summary: "The brand's approval queue, newest first (a provider agent sees their own requests)",
      querystring: z.object({ status: z.enum(APPROVAL_STATUSES).optional(), ...paginationQuery }), response: { 200: pageSchema(approvalSchema) },
    },
    preHandler: requireRole(STAFF_ROLES),
  }, async (request) => listApprovals(db, authOf(request), request.query));

  r.get('/approvals/:id', {
    schema: { tags, summary: 'One approval request', params, response: { 200: approvalSchema } },
    preHandler: requireRole(STAFF_ROLES),
  }, async (request) => presentApproval(await getApproval(db, authOf(request), request.params.id)));

  r.post('/approvals/:id/approve', {
    schema: {
      tags, summary: 'Approve the reply, as written or edited: it is sent at once', params,
      body: z.strictObject({ body: z.string().trim().min(1).max(20_000).optional() }).nullish().describe('Optional: the edited reply'),
      response: { 200: approvalSchema },
    },
    preHandler: requireRole(DECIDERS),
  }, async (request) => {
    const { approval, channelType } = await approveRequest(db, authOf(request), request.params.id, { body: request.body?.body });
    app.ctx.metrics.messagesTotal.labels(channelType, 'outbound').inc();
    return presentApproval(approval);
  });

  r.post('/approvals/:id/reject', {
    schema: {
      tags, summary: 'Reject the reply with a reason for the provider agent', params,
      body: z.strictObject({ reason: z.string().trim().min(1).max(2000) }), response: { 200: approvalSchema },
    },
    preHandler: requireRole(DECIDERS),
  }, async (request) => presentApproval(await rejectRequest(db, authOf(request), request.params.id, request.body.reason)));
}
