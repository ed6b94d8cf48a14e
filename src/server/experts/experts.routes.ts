import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf, requireRole, SESSION_COOKIE } from '../http/authenticate.ts';
import { pageSchema, paginationQuery } from '../http/pagination.ts';
import { CORE_ROLES, MANAGER_ROLES } from '../accounts/roles.ts';
import { login } from '../accounts/sessions.service.ts';
import { getUser } from '../accounts/users.service.ts';
import { presentUser } from '../accounts/users.presenter.ts';
import { secureCookie, sessionSchema } from '../accounts/auth.routes.ts';
import { articleSchema, presentArticle } from '../knowledge/articles.service.ts';
import { expertProfile, expertSchema, inviteExpert, listExperts, reinviteExpert, reputationEventSchema, updateExpert } from './experts.service.ts';
import { acceptInvitation, invitationUrl } from './invitations.ts';
import { sendInvitationEmail } from './send-invitation-email.ts';
import { proposeArticle } from './propose-article.ts';

const label = z.string().trim().min(1).max(100);
const topics = z.array(label).max(50);
const languages = z.array(z.string().trim().min(2).max(8)).max(20);
const params = z.object({ id: z.uuid() });
const invitationSchema = z.object({
  /** The link to send; the token is in it and is shown only in this answer. */
  url: z.string(), token: z.string(), expiresAt: z.string(),
  emailed: z.boolean(), emailDetail: z.string(),
});
const invitedSchema = z.object({ expert: expertSchema, invitation: invitationSchema });

export async function expertsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const { config } = app.ctx;
  const tags = ['experts'];

  /** The link in the answer, and by email when SMTP is configured. */
  async function deliver(invited: Awaited<ReturnType<typeof inviteExpert>>) {
    const url = invitationUrl(config.publicUrl, invited.invitation.token);
    const mail = await sendInvitationEmail({ smtpUrl: config.smtpUrl, from: config.mailFrom }, {
      to: invited.expert.email, name: invited.expert.name, brand: invited.brand, url, expiresAt: invited.invitation.expiresAt, locale: invited.locale,
    });
    return {
      expert: invited.expert,
      invitation: { url, token: invited.invitation.token, expiresAt: invited.invitation.expiresAt.toISOString(), emailed: mail.sent, emailDetail: mail.detail },
    };
  }

  r.post('/experts', {
    schema: {
      tags, summary: 'Invite a contact as a community expert: creates the account and a one-time 7-day link (admin, supervisor)',
      body: z.strictObject({
        contactId: z.uuid(), email: z.email().max(320).optional(), name: z.string().trim().min(1).max(200).optional(),
        teamId: z.uuid().nullable().optional(), topics: topics.optional(), languages: languages.optional(),
      }),
      response: { 201: invitedSchema },
    },
    preHandler: requireRole(MANAGER_ROLES),
  }, async (request, reply) => {
    const auth = authOf(request);
    const invited = await inviteExpert(db, auth.orgId, request.body, { kind: 'user', id: auth.userId });
    return reply.code(201).send(await deliver(invited));
  });

  r.post('/experts/:id/invitation', {
    schema: { tags, summary: 'A new invitation link for an expert who has not joined yet; the previous one stops working (admin, supervisor)', params, response: { 201: invitedSchema } },
    preHandler: requireRole(MANAGER_ROLES),
  }, async (request, reply) => {
    const auth = authOf(request);
    return reply.code(201).send(await deliver(await reinviteExpert(db, auth.orgId, request.params.id, { kind: 'user', id: auth.userId })));
  });

  r.get('/experts', {
    schema: {
      tags, summary: 'Community experts with their reputation, topics, languages and open conversations (core team)',
      querystring: z.object({ topic: label.optional(), ...paginationQuery }), response: { 200: pageSchema(expertSchema) },
    },
    preHandler: requireRole(CORE_ROLES),
  }, async (request) => listExperts(db, authOf(request).orgId, request.query));

  r.get('/experts/me', {
    schema: { tags, summary: "The signed-in expert's profile, reputation and its history", response: { 200: z.object({ expert: expertSchema, history: z.array(reputationEventSchema) }) } },
    preHandler: requireRole(['expert']),
  }, async (request) => {
    const auth = authOf(request);
    return expertProfile(db, auth.orgId, auth.userId);
  });

  r.patch('/experts/:id', {
    schema: {
      tags, summary: "Change an expert's topics, languages, capacity or team, or disable the account (admin, supervisor)", params,
      body: z.strictObject({
        topics: topics.optional(), languages: languages.optional(), capacity: z.number().int().min(0).max(500).optional(),
        teamId: z.uuid().nullable().optional(), disabled: z.boolean().optional(),
      }),
      response: { 200: expertSchema },
    },
    preHandler: requireRole(MANAGER_ROLES),
  }, async (request) => {
    const auth = authOf(request);
    return updateExpert(db, auth.orgId, request.params.id, request.body, { kind: 'user', id: auth.userId });
  });

  r.post('/conversations/:id/propose-article', {
    schema: {
      tags, summary: 'Propose a knowledge-base article from an answer: it waits in review for the core team (experts)', params,
      body: z.strictObject({
        title: z.string().trim().min(1).max(300), body: z.string().trim().min(1).max(100_000), language: z.enum(['fr', 'en']),
        messageId: z.uuid().optional(),
      }),
      response: { 201: articleSchema },
    },
    preHandler: requireRole(['expert']),
  }, async (request, reply) => reply.code(201).send(presentArticle(await proposeArticle(db, authOf(request), request.params.id, request.body))));

  r.post('/invitations/accept', {
    schema: {
      tags, summary: 'Accept an invitation: set a password and sign in (public; the token comes from the link)', security: [],
      body: z.strictObject({ token: z.string().min(10).max(200), password: z.string().min(1).max(1024) }),
      response: { 200: sessionSchema },
    },
    config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => req.ip } },
  }, async (request, reply) => {
    const accepted = await acceptInvitation(db, request.body.token, request.body.password);
    const session = await login(db, { email: accepted.email, password: request.body.password, ip: request.ip }, config.sessionTtlHours);
    reply.setCookie(SESSION_COOKIE, session.sessionToken, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookie(app, request), expires: session.expiresAt,
    });
    return { user: presentUser(await getUser(db, session.orgId, session.userId)), csrfToken: session.csrfToken };
  });
}
