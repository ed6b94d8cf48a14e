import { and, arrayContains, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { articles, templates } from '../db/schema/index.ts';
import type { AnswerSource } from './triage.types.ts';

/** The published article answering `intent` in `language` (cited in the answer), else a template for it. */
export async function findAnswer(db: Db, orgId: string, intent: string, language: 'fr' | 'en'): Promise<AnswerSource | null> {
  const [article] = await db.select().from(articles)
    .where(and(eq(articles.orgId, orgId), eq(articles.status, 'published'), eq(articles.language, language), arrayContains(articles.intents, [intent])))
    .orderBy(desc(articles.updatedAt)).limit(1);
  if (article) return { kind: 'article', id: article.id, title: article.title, body: article.body, language };
  const [template] = await db.select().from(templates)
    .where(and(eq(templates.orgId, orgId), eq(templates.language, language), eq(templates.intent, intent)))
    .orderBy(desc(templates.updatedAt)).limit(1);
  if (template) return { kind: 'template', id: template.id, title: template.name, body: template.body, language };
  return null;
}
