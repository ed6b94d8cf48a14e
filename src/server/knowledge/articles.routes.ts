import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ARTICLE_STATUSES } from '../db/schema/index.ts';
import { authOf, requireRole } from '../http/authenticate.ts';
import { pageSchema, paginationQuery } from '../http/pagination.ts';
import { ANY_ROLE, KNOWLEDGE_EDITOR_ROLES } from '../accounts/roles.ts';
import {
  articleSchema, articleVersionSchema, createArticle, getArticle, listArticleVersions, listArticles, presentArticle, updateArticle,
} from './articles.service.ts';

const label = z.string().trim().min(1).max(100);
const fields = {
  title: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(100_000),
  status: z.enum(ARTICLE_STATUSES).optional(),
  intents: z.array(label).max(50).optional(),
  tags: z.array(label).max(50).optional(),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words separated by hyphens').max(200),
};
const params = z.object({ id: z.uuid() });

export async function articlesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['knowledge base'];

  r.get('/articles', {
    schema: {
      tags, summary: 'List knowledge-base articles', response: { 200: pageSchema(articleSchema) },
      querystring: z.object({
        status: z.enum(ARTICLE_STATUSES).optional(), language: z.enum(['fr', 'en']).optional(), intent: label.optional(),
        q: z.string().trim().min(1).max(200).optional(), ...paginationQuery,
      }),
    },
    preHandler: requireRole(ANY_ROLE),
  }, async (request) => listArticles(db, authOf(request).orgId, request.query));

  r.get('/articles/:id', { schema: { tags, summary: 'Get an article', params, response: { 200: articleSchema } }, preHandler: requireRole(ANY_ROLE) },
    async (request) => presentArticle(await getArticle(db, authOf(request).orgId, request.params.id)));

  r.get('/articles/:id/versions', {
    schema: { tags, summary: 'Every saved version, newest first', params, response: { 200: z.object({ items: z.array(articleVersionSchema) }) } },
    preHandler: requireRole(ANY_ROLE),
  }, async (request) => ({ items: await listArticleVersions(db, authOf(request).orgId, request.params.id) }));

  r.post('/articles', {
    schema: { tags, summary: 'Write an article (experts draft, the core team publishes)', body: z.strictObject({ ...fields, language: z.enum(['fr', 'en']) }), response: { 201: articleSchema } },
    preHandler: requireRole(KNOWLEDGE_EDITOR_ROLES),
  }, async (request, reply) => reply.code(201).send(presentArticle(await createArticle(db, authOf(request), request.body))));

  r.patch('/articles/:id', {
    schema: { tags, summary: 'Edit an article: saves a new version', params, body: z.strictObject(fields).partial(), response: { 200: articleSchema } },
    preHandler: requireRole(KNOWLEDGE_EDITOR_ROLES),
  }, async (request) => presentArticle(await updateArticle(db, authOf(request), request.params.id, request.body)));
}
