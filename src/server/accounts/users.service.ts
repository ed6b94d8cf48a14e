import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { teams, users, type Role } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { recordEvent, type Actor } from '../audit/record-event.ts';
import { afterCursor, newestFirst } from '../http/keyset.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { MIN_PASSWORD_LENGTH, hashPassword } from './password.ts';
import { presentUser } from './users.presenter.ts';
import { forgetCachedTokens } from './sessions.service.ts';

export type NewUser = {
  email: string; name: string; role: Role; password?: string | undefined;
  teamId?: string | null | undefined; locale?: string | undefined; contactId?: string | null | undefined;
};

async function assertTeamInOrg(db: Db, orgId: string, teamId: string | null | undefined) {
  if (!teamId) return;
  const [team] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, teamId), eq(teams.orgId, orgId)));
  if (!team) throw new AppError('validation_failed', 'teamId: no such team in this organization');
}

export async function createUser(db: Db, orgId: string, input: NewUser, actor: Actor) {
  const email = input.email.trim().toLowerCase();
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('validation_failed', `password: at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  await assertTeamInOrg(db, orgId, input.teamId);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw new AppError('conflict', `a user with email ${email} already exists`);
  const [user] = await db
    .insert(users)
    .values({
      orgId, email, name: input.name, role: input.role, teamId: input.teamId ?? null,
      contactId: input.contactId ?? null, locale: input.locale ?? 'fr',
      passwordHash: input.password ? await hashPassword(input.password) : null,
    })
    .returning();
  await recordEvent(db, {
    orgId, type: 'user.created', actor, subject: { type: 'user', id: user!.id }, data: { email, role: input.role },
  });
  return user!;
}

export type UserFilters = { role?: Role | undefined; teamId?: string | undefined; cursor?: string | undefined; limit: number };

export async function listUsers(db: Db, orgId: string, f: UserFilters) {
  const conditions: (SQL | undefined)[] = [
    eq(users.orgId, orgId),
    f.role ? eq(users.role, f.role) : undefined,
    f.teamId ? eq(users.teamId, f.teamId) : undefined,
    afterCursor(users.createdAt, users.id, decodeCursor(f.cursor)),
  ];
  const rows = await db.select().from(users).where(and(...conditions))
    .orderBy(...newestFirst(users.createdAt, users.id)).limit(f.limit + 1);
  return toPage(rows, f.limit, (u) => ({ at: u.createdAt, id: u.id }), presentUser);
}

export async function getUser(db: Db, orgId: string, id: string) {
  const [user] = await db.select().from(users).where(and(eq(users.id, id), eq(users.orgId, orgId)));
  if (!user) throw notFound('user');
  return user;
}

export type UserPatch = {
  name?: string | undefined; role?: Role | undefined; teamId?: string | null | undefined;
  locale?: string | undefined; disabled?: boolean | undefined; password?: string | undefined;
  topics?: string[] | undefined; languages?: string[] | undefined; capacity?: number | undefined;
};

export async function updateUser(db: Db, orgId: string, id: string, patch: UserPatch, actor: Actor) {
  await getUser(db, orgId, id);
  await assertTeamInOrg(db, orgId, patch.teamId);
  if (patch.password !== undefined && patch.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('validation_failed', `password: at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const [user] = await db
    .update(users)
    .set({
      name: patch.name, role: patch.role, teamId: patch.teamId, locale: patch.locale,
      topics: patch.topics, languages: patch.languages, capacity: patch.capacity,
      disabledAt: patch.disabled === undefined ? undefined : patch.disabled ? new Date() : null,
      passwordHash: patch.password ? await hashPassword(patch.password) : undefined,
    })
    .where(and(eq(users.id, id), eq(users.orgId, orgId)))
    .returning();
  forgetCachedTokens(); // a role change or a disabled account must not wait for the token cache
  const { password: _omitted, ...logged } = patch;
  await recordEvent(db, { orgId, type: 'user.updated', actor, subject: { type: 'user', id }, data: logged });
  return user!;
}
