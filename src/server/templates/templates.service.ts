import { and, eq, ilike, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { templates } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { recordEvent, type Actor } from '../audit/record-event.ts';
import { afterCursor, newestFirst } from '../http/keyset.ts';
import { containsPattern } from '../http/like-pattern.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';

export const templateSchema = z.object({
  id: z.uuid(), name: z.string(), language: z.string(), body: z.string(), intent: z.string().nullable(),
  createdAt: z.string(), updatedAt: z.string(),
});
type TemplateRow = typeof templates.$inferSelect;
export const presentTemplate = (t: TemplateRow): z.infer<typeof templateSchema> => ({
  id: t.id, name: t.name, language: t.language, body: t.body, intent: t.intent,
  createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(),
});

export type TemplateFilters = { language?: string | undefined; intent?: string | undefined; q?: string | undefined; cursor?: string | undefined; limit: number };

export async function listTemplates(db: Db, orgId: string, f: TemplateFilters) {
  const conditions: (SQL | undefined)[] = [
    eq(templates.orgId, orgId),
    f.language ? eq(templates.language, f.language) : undefined,
    f.intent ? eq(templates.intent, f.intent) : undefined,
    f.q ? ilike(templates.name, containsPattern(f.q)) : undefined,
    afterCursor(templates.createdAt, templates.id, decodeCursor(f.cursor)),
  ];
  const rows = await db.select().from(templates).where(and(...conditions))
    .orderBy(...newestFirst(templates.createdAt, templates.id)).limit(f.limit + 1);
  return toPage(rows, f.limit, (t) => ({ at: t.createdAt, id: t.id }), presentTemplate);
}

export async function getTemplate(db: Db, orgId: string, id: string) {
  const [t] = await db.select().from(templates).where(and(eq(templates.id, id), eq(templates.orgId, orgId)));
  if (!t) throw notFound('template');
  return t;
}

export type TemplateInput = { name: string; language: string; body: string; intent?: string | null | undefined };

export async function createTemplate(db: Db, orgId: string, input: TemplateInput, actor: Actor) {
  const [t] = await db.insert(templates).values({ orgId, ...input }).returning();
  await recordEvent(db, { orgId, type: 'template.created', actor, subject: { type: 'template', id: t!.id } });
  return t!;
}

export async function updateTemplate(db: Db, orgId: string, id: string, patch: Partial<TemplateInput>, actor: Actor) {
  const [t] = await db.update(templates).set({ ...patch, updatedAt: new Date() })
    .where(and(eq(templates.id, id), eq(templates.orgId, orgId))).returning();
  if (!t) throw notFound('template');
  await recordEvent(db, { orgId, type: 'template.updated', actor, subject: { type: 'template', id } });
  return t;
}

export async function deleteTemplate(db: Db, orgId: string, id: string, actor: Actor) {
  const deleted = await db.delete(templates).where(and(eq(templates.id, id), eq(templates.orgId, orgId))).returning({ id: templates.id });
  if (deleted.length === 0) throw notFound('template');
  await recordEvent(db, { orgId, type: 'template.deleted', actor, subject: { type: 'template', id } });
}
