// Stores a planned brand in batched inserts: conversations with their whole timeline (what intake, triage
// and replies would have written), then their messages and notes. Returns the new conversation ids,
// index-aligned with the plan.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import {
  articleVersions, articles, contactIdentities, contacts, conversations, messages, notes, scenarios, templates,
} from '../db/schema/index.ts';
import type { BrandContent } from './demo-types.ts';
import type { ArticlePlan, BrandPlan } from './demo-plan.ts';
import type { BrandStructure } from './demo-org.ts';
import { fullName } from './demo-phrases.ts';

/** Inserts in slices: one statement per slice keeps round trips few without hitting parameter limits. */
export async function insertAll<T>(rows: T[], insert: (slice: T[]) => Promise<unknown>, size = 250) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Returns the new contact ids, index-aligned with the plan. */
export async function insertContacts(db: Db, orgId: string, plan: BrandPlan): Promise<string[]> {
  const ids = plan.contacts.map(() => randomUUID());
  await insertAll(plan.contacts.map((c, i) => ({
    id: ids[i]!, orgId, name: fullName(c.person), email: c.email, phone: c.phone, segment: c.segment, locale: c.lang, createdAt: c.createdAt,
  })), (rows) => db.insert(contacts).values(rows));
  await insertAll(plan.contacts.flatMap((c, i) => c.identities.map((identity) => ({
    orgId, contactId: ids[i]!, ...identity,
    // Addresses and numbers we have written to are confirmed; social ids are only what the platform says.
    verified: identity.channelType === 'email' || identity.channelType === 'sms', createdAt: c.createdAt,
  }))), (rows) => db.insert(contactIdentities).values(rows));
  return ids;
}

export async function insertKnowledge(db: Db, orgId: string, brand: BrandContent, plans: readonly ArticlePlan[], users: Record<string, string>) {
  const rows = plans.map((p) => {
    const status = p.seed.status ?? 'published';
    return {
      id: randomUUID(), orgId, slug: p.seed.slug, language: p.seed.language, title: p.seed.title, body: p.seed.body, status,
      intents: [...p.seed.intents], tags: [...p.seed.tags], version: 1, authorUserId: users[p.author] ?? null,
      reviewedByUserId: p.reviewer ? (users[p.reviewer] ?? null) : null, reviewedAt: p.reviewer ? p.updatedAt : null,
      createdAt: p.createdAt, updatedAt: p.updatedAt,
    };
  });
  await db.insert(articles).values(rows);
  await db.insert(articleVersions).values(rows.map((a) => ({
    orgId, articleId: a.id, version: 1, title: a.title, body: a.body, status: a.status, authorUserId: a.authorUserId, createdAt: a.createdAt,
  })));
  const saved = await db.insert(templates).values(brand.templates.map((t) => ({
    orgId, name: t.name, language: t.language, body: t.body, intent: t.intent ?? null,
  }))).returning({ id: templates.id, name: templates.name });
  return { articles: rows.length, templates: Object.fromEntries(saved.map((t) => [t.name, t.id])) };
}

export async function insertScenarios(db: Db, orgId: string, seeds: ReturnType<BrandContent['scenarios']>) {
  await db.insert(scenarios).values(seeds.map((s) => ({ orgId, name: s.name, trigger: s.trigger, steps: s.steps, enabled: s.enabled ?? true })));
}

export async function insertConversations(
  db: Db, s: BrandStructure, plan: BrandPlan, contactIds: readonly string[], users: Record<string, string>,
): Promise<string[]> {
  const userId = (key: string | null) => (key ? (users[key] ?? null) : null);
  const ids = plan.conversations.map(() => randomUUID());
  const rows: (typeof conversations.$inferInsert)[] = [];
  const replies: (typeof messages.$inferInsert)[] = [];
  const noteRows: (typeof notes.$inferInsert)[] = [];
  for (const [i, c] of plan.conversations.entries()) {
    const id = ids[i]!;
    const contactId = contactIds[c.contact]!;
    const channelId = s.channels[c.channel];
    const createdAt = c.messages[0]!.at;
    // The columns intake and triage would have set, plus what only the whole thread tells: its timeline and targets.
    rows.push({
      id, orgId: s.orgId, channelId, contactId, subject: c.subject, status: c.status, level: c.level, severity: c.severity,
      intent: c.intent, intentConfidence: c.intentConfidence, language: c.lang, priority: c.priority, visibility: c.visibility,
      teamId: c.team ? (s.teams[c.team] ?? null) : null, assigneeId: userId(c.assignee), tags: c.tags, confidential: c.confidential,
      firstResponseAt: c.firstResponseAt, resolvedAt: c.resolvedAt, firstResponseDueAt: c.firstResponseDueAt,
      resolutionDueAt: c.resolutionDueAt, slaBreachedAt: c.slaBreachedAt, lastMessageAt: c.lastMessageAt, createdAt,
      updatedAt: c.resolvedAt && c.resolvedAt > c.lastMessageAt ? c.resolvedAt : c.lastMessageAt,
    });
    for (const m of c.messages) {
      replies.push({
        orgId: s.orgId, conversationId: id, channelId, body: m.body, createdAt: m.at,
        direction: m.author ? 'outbound' : 'inbound', authorKind: m.authorKind,
        authorUserId: userId(m.author), authorContactId: m.author ? null : contactId, isPublic: c.visibility === 'public',
      });
    }
    for (const n of c.notes) {
      noteRows.push({ orgId: s.orgId, conversationId: id, authorUserId: userId(n.author), body: n.body, createdAt: n.at });
    }
  }
  await insertAll(rows, (slice) => db.insert(conversations).values(slice), 100);
  await insertAll(replies, (rows) => db.insert(messages).values(rows));
  await insertAll(noteRows, (rows) => db.insert(notes).values(rows));
  return ids;
}
