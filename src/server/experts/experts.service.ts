// Community experts (level 2): customers invited to answer others. An expert is a user with the role
// 'expert', linked to the contact they were invited from, with topics, languages, a capacity and reputation.
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { contacts, organizations, reputationEvents, teams, users } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { recordEvent, type Actor } from '../audit/record-event.ts';
import { afterCursor, newestFirst } from '../http/keyset.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { createUser } from '../accounts/users.service.ts';
import { forgetCachedTokens } from '../accounts/sessions.service.ts';
import { issueInvitation } from './invitations.ts';

export const expertSchema = z.object({
  id: z.uuid(), name: z.string(), email: z.string(), contactId: z.uuid().nullable(), teamId: z.uuid().nullable(),
  topics: z.array(z.string()), languages: z.array(z.string()), capacity: z.number().int(), reputation: z.number().int(),
  disabled: z.boolean(),
  /** pending: invited, no password yet · accepted · expired: ask for a new invitation · none */
  invitation: z.enum(['pending', 'accepted', 'expired', 'none']),
  /** Open or pending conversations assigned to this expert. */
  openConversations: z.number().int(),
  createdAt: z.string(),
});
export type ExpertDto = z.infer<typeof expertSchema>;

const openConversations = sql<number>`(SELECT count(*)::int FROM conversations c
  WHERE c.assignee_id = "users"."id" AND c.status IN ('open', 'pending'))`;
// The latest invitation's state, computed in the query so a list needs one round trip.
const invitationState = sql<string>`coalesce((SELECT CASE WHEN i.accepted_at IS NOT NULL THEN 'accepted'
    WHEN i.expires_at > now() THEN 'pending' ELSE 'expired' END
  FROM invitations i WHERE i.user_id = "users"."id" ORDER BY i.created_at DESC LIMIT 1), 'none')`;
const expertColumns = { user: users, openConversations, invitation: invitationState };

type ExpertRow = { user: typeof users.$inferSelect; openConversations: number; invitation: string };
const presentExpert = ({ user: u, openConversations: open, invitation }: ExpertRow): ExpertDto => ({
  id: u.id, name: u.name, email: u.email, contactId: u.contactId, teamId: u.teamId, topics: u.topics, languages: u.languages,
  capacity: u.capacity, reputation: u.reputation, disabled: u.disabledAt !== null,
  invitation: invitation as ExpertDto['invitation'], openConversations: Number(open), createdAt: u.createdAt.toISOString(),
});

/** Experts work in the brand's own queues: a provider's team is not theirs. */
async function assertExpertTeam(db: Db, orgId: string, teamId: string | null | undefined) {
  if (!teamId) return;
  const [team] = await db.select({ id: teams.id }).from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.orgId, orgId), isNull(teams.providerOrgId)));
  if (!team) throw new AppError('validation_failed', "teamId: no such team of the brand's own (provider teams are not for experts)");
}

export type NewExpert = {
  contactId: string; email?: string | undefined; name?: string | undefined; teamId?: string | null | undefined;
  topics?: string[] | undefined; languages?: string[] | undefined;
};

/** Creates the expert's account (no password yet) and a 7-day invitation; returns the token to send. */
export async function inviteExpert(db: Db, orgId: string, input: NewExpert, actor: Actor) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [contact] = await tx.select().from(contacts).where(and(eq(contacts.id, input.contactId), eq(contacts.orgId, orgId)));
    if (!contact) throw new AppError('validation_failed', 'contactId: no such contact in this organization');
    if (contact.mergedIntoId) throw new AppError('validation_failed', `contactId: this contact was merged into ${contact.mergedIntoId}; invite that one`);
    const [already] = await tx.select({ id: users.id }).from(users).where(and(eq(users.orgId, orgId), eq(users.contactId, contact.id)));
    if (already) throw new AppError('conflict', `this contact is already user ${already.id}`);
    const email = input.email ?? contact.email;
    if (!email) throw new AppError('validation_failed', 'email: the contact has no email address; give one');
    await assertExpertTeam(tx, orgId, input.teamId);
    const user = await createUser(tx, orgId, {
      email, name: input.name ?? contact.name ?? email.split('@')[0]!, role: 'expert', teamId: input.teamId ?? null,
      contactId: contact.id, locale: contact.locale === 'en' ? 'en' : 'fr',
    }, actor);
    if (input.topics || input.languages) {
      await tx.update(users).set({ topics: input.topics, languages: input.languages }).where(eq(users.id, user.id));
    }
    const invitation = await issueInvitation(tx, { orgId, userId: user.id, contactId: contact.id }, actor);
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, orgId));
    return { expert: await getExpert(tx, orgId, user.id), invitation, brand: org!.name, locale: user.locale };
  });
}

/** A new link for an expert who has not joined yet (the previous one stops working). */
export async function reinviteExpert(db: Db, orgId: string, id: string, actor: Actor) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const expert = await getExpert(tx, orgId, id);
    if (expert.invitation === 'accepted') throw new AppError('conflict', 'this expert already joined: they sign in with their password');
    const invitation = await issueInvitation(tx, { orgId, userId: id, contactId: expert.contactId }, actor);
    const [org] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, orgId));
    const [user] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, id));
    return { expert: await getExpert(tx, orgId, id), invitation, brand: org!.name, locale: user!.locale };
  });
}

export async function getExpert(db: Db, orgId: string, id: string): Promise<ExpertDto> {
  const [row] = await db.select(expertColumns).from(users)
    .where(and(eq(users.id, id), eq(users.orgId, orgId), eq(users.role, 'expert')));
  if (!row) throw notFound('expert');
  return presentExpert(row);
}

export type ExpertFilters = { topic?: string | undefined; cursor?: string | undefined; limit: number };

export async function listExperts(db: Db, orgId: string, f: ExpertFilters) {
  const conditions: (SQL | undefined)[] = [
    eq(users.orgId, orgId), eq(users.role, 'expert'),
    f.topic ? sql`${f.topic} = ANY(${users.topics})` : undefined,
    afterCursor(users.createdAt, users.id, decodeCursor(f.cursor)),
  ];
  const rows = await db.select(expertColumns).from(users).where(and(...conditions))
    .orderBy(...newestFirst(users.createdAt, users.id)).limit(f.limit + 1);
  return toPage(rows, f.limit, (r) => ({ at: r.user.createdAt, id: r.user.id }), presentExpert);
}

export type ExpertPatch = {
  topics?: string[] | undefined; languages?: string[] | undefined; capacity?: number | undefined;
  teamId?: string | null | undefined; disabled?: boolean | undefined;
};

export async function updateExpert(db: Db, orgId: string, id: string, patch: ExpertPatch, actor: Actor) {
  await getExpert(db, orgId, id);
  await assertExpertTeam(db, orgId, patch.teamId);
  await db.update(users).set({
    topics: patch.topics, languages: patch.languages, capacity: patch.capacity, teamId: patch.teamId,
    disabledAt: patch.disabled === undefined ? undefined : patch.disabled ? new Date() : null,
  }).where(and(eq(users.id, id), eq(users.orgId, orgId)));
  if (patch.disabled !== undefined || patch.teamId !== undefined) forgetCachedTokens(); // scope follows the team at once
  await recordEvent(db, { orgId, type: 'expert.updated', actor, subject: { type: 'user', id }, data: patch });
  return getExpert(db, orgId, id);
}

export const reputationEventSchema = z.object({
  points: z.number().int(), reason: z.string(), conversationId: z.uuid().nullable(), createdAt: z.string(),
});

/** The expert's own page: profile, reputation and its latest 50 changes. */
export async function expertProfile(db: Db, orgId: string, userId: string) {
  const expert = await getExpert(db, orgId, userId);
  const history = await db.select().from(reputationEvents)
    .where(and(eq(reputationEvents.orgId, orgId), eq(reputationEvents.userId, userId)))
    .orderBy(desc(reputationEvents.createdAt), desc(reputationEvents.id)).limit(50);
  return {
    expert,
    history: history.map((h) => ({ points: h.points, reason: h.reason, conversationId: h.conversationId, createdAt: h.createdAt.toISOString() })),
  };
}
