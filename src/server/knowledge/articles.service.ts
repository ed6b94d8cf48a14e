import { and, arrayContains, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { ARTICLE_STATUSES, articleVersions, articles } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { AuthContext } from '../accounts/roles.ts';
import { afterCursor, newestFirst } from '../http/keyset.ts';
import { containsPattern } from '../http/like-pattern.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';

type Status = (typeof ARTICLE_STATUSES)[number];

export const articleSchema = z.object({
  id: z.uuid(), slug: z.string(), language: z.string(), title: z.string(), body: z.string(),
  status: z.enum(ARTICLE_STATUSES), intents: z.array(z.string()), tags: z.array(z.string()), version: z.number().int(),
  authorUserId: z.uuid().nullable(), reviewedByUserId: z.uuid().nullable(), reviewedAt: z.string().nullable(),
  createdAt: z.string(), updatedAt: z.string(),
});
export const articleVersionSchema = z.object({
  version: z.number().int(), title: z.string(), body: z.string(), status: z.enum(ARTICLE_STATUSES),
  authorUserId: z.uuid().nullable(), createdAt: z.string(),
});

type ArticleRow = typeof articles.$inferSelect;
export const presentArticle = (a: ArticleRow): z.infer<typeof articleSchema> => ({
  id: a.id, slug: a.slug, language: a.language, title: a.title, body: a.body, status: a.status, intents: a.intents,
  tags: a.tags, version: a.version, authorUserId: a.authorUserId, reviewedByUserId: a.reviewedByUserId,
  reviewedAt: a.reviewedAt?.toISOString() ?? null, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(),
});

/** Experts draft and propose; only the core team (and managers) publish or archive: they validate the knowledge. */
function assertMayMoveTo(auth: AuthContext, status: Status) {
  if ((status === 'published' || status === 'archived') && !['admin', 'supervisor', 'agent'].includes(auth.role)) {
    throw new AppError('forbidden', `only the core team can set an article to ${status}`);
  }
}

export type ArticleFilters = {
  status?: Status | undefined; language?: string | undefined; intent?: string | undefined; q?: string | undefined;
  cursor?: string | undefined; limit: number;
};

export async function listArticles(db: Db, orgId: string, f: ArticleFilters) {
  const conditions: (SQL | undefined)[] = [
    eq(articles.orgId, orgId),
    f.status ? eq(articles.status, f.status) : undefined,
    f.language ? eq(articles.language, f.language) : undefined,
    f.intent ? arrayContains(articles.intents, [f.intent]) : undefined,
    f.q ? ilike(articles.title, containsPattern(f.q)) : undefined,
    afterCursor(articles.updatedAt, articles.id, decodeCursor(f.cursor)),
  ];
  const rows = await db.select().from(articles).where(and(...conditions))
    .orderBy(...newestFirst(articles.updatedAt, articles.id)).limit(f.limit + 1);
  return toPage(rows, f.limit, (a) => ({ at: a.updatedAt, id: a.id }), presentArticle);
}

export async function getArticle(db: Db, orgId: string, id: string) {
  const [a] = await db.select().from(articles).where(and(eq(articles.id, id), eq(articles.orgId, orgId)));
  if (!a) throw notFound('article');
  return a;
}

export type NewArticle = {
  slug: string; language: string; title: string; body: string; status?: Status | undefined;
  intents?: string[] | undefined; tags?: string[] | undefined;
};

export async function createArticle(db: Db, auth: AuthContext, input: NewArticle) {
  const status = input.status ?? 'draft';
  assertMayMoveTo(auth, status);
  const [dup] = await db.select({ id: articles.id }).from(articles)
    .where(and(eq(articles.orgId, auth.orgId), eq(articles.language, input.language), eq(articles.slug, input.slug)));
  if (dup) throw new AppError('conflict', `an article with slug "${input.slug}" already exists in ${input.language}`);
  return db.transaction(async (tx) => {
    const published = status === 'published';
    const [a] = await tx.insert(articles).values({
      orgId: auth.orgId, slug: input.slug, language: input.language, title: input.title, body: input.body, status,
      intents: input.intents ?? [], tags: input.tags ?? [], authorUserId: auth.userId,
      reviewedByUserId: published ? auth.userId : null, reviewedAt: published ? new Date() : null,
    }).returning();
    await tx.insert(articleVersions).values({
      orgId: auth.orgId, articleId: a!.id, version: 1, title: a!.title, body: a!.body, status, authorUserId: auth.userId,
    });
    await recordEvent(tx, { orgId: auth.orgId, type: 'article.created', actor: { kind: 'user', id: auth.userId }, subject: { type: 'article', id: a!.id } });
    return a!;
  });
}

export type ArticlePatch = Partial<Omit<NewArticle, 'language'>>;

/** Every change is a new version, so review can compare and a bad edit can be rolled back. */
export async function updateArticle(db: Db, auth: AuthContext, id: string, patch: ArticlePatch) {
  if (patch.status) assertMayMoveTo(auth, patch.status);
  return db.transaction(async (tx) => {
    const before = await getArticle(tx, auth.orgId, id);
    const version = before.version + 1;
    const status = patch.status ?? (before.status === 'published' && auth.role === 'expert' ? 'in_review' : before.status);
    const reviewed = status === 'published' && before.status !== 'published';
    const [a] = await tx.update(articles).set({
      ...patch, status, version, updatedAt: new Date(),
      ...(reviewed ? { reviewedByUserId: auth.userId, reviewedAt: new Date() } : {}),
    }).where(and(eq(articles.id, id), eq(articles.orgId, auth.orgId))).returning();
    await tx.insert(articleVersions).values({
      orgId: auth.orgId, articleId: id, version, title: a!.title, body: a!.body, status, authorUserId: auth.userId,
    });
    await recordEvent(tx, {
      orgId: auth.orgId, type: 'article.updated', actor: { kind: 'user', id: auth.userId }, subject: { type: 'article', id },
      data: { version, status: { from: before.status, to: status } },
    });
    return a!;
  });
}

export async function listArticleVersions(db: Db, orgId: string, id: string) {
  await getArticle(db, orgId, id);
  const rows = await db.select().from(articleVersions)
    .where(and(eq(articleVersions.articleId, id), eq(articleVersions.orgId, orgId))).orderBy(desc(articleVersions.version));
  return rows.map((v) => ({
    version: v.version, title: v.title, body: v.body, status: v.status, authorUserId: v.authorUserId, createdAt: v.createdAt.toISOString(),
  }));
}
