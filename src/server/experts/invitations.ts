// One-time invitations: a customer recognized as an expert gets a link to set a password and join.
// Only the token's SHA-256 is stored; a token works once, for 7 days.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { invitations, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { recordEvent, type Actor } from '../audit/record-event.ts';
import { hashSecret, newSecret } from '../accounts/secret-tokens.ts';
import { MIN_PASSWORD_LENGTH, hashPassword } from '../accounts/password.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

/** Where the web app takes an invitation; relative when RELAIS_PUBLIC_URL is not set. */
export const invitationUrl = (publicUrl: string | undefined, token: string) =>
  `${(publicUrl ?? '').replace(/\/+$/, '')}/invitation?token=${encodeURIComponent(token)}`;

/** Issues a new invitation for the user; earlier unused ones stop working. Returns the token (shown once). */
export async function issueInvitation(tx: Db, i: { orgId: string; userId: string; contactId: string | null }, actor: Actor, now = new Date()) {
  await tx.update(invitations).set({ expiresAt: now })
    .where(and(eq(invitations.userId, i.userId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)));
  const token = newSecret('inv_');
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const [row] = await tx.insert(invitations).values({
    orgId: i.orgId, userId: i.userId, contactId: i.contactId, tokenHash: hashSecret(token), expiresAt, createdAt: now,
  }).returning();
  await recordEvent(tx, { orgId: i.orgId, type: 'invitation.created', actor, subject: { type: 'user', id: i.userId }, data: { invitationId: row!.id } });
  return { token, expiresAt, invitationId: row!.id };
}

const COMMON_PASSWORDS = new Set([
  'motdepasse', 'motdepasse1', 'motdepasse123', 'password12', 'password123', 'password1234', '1234567890', '12345678910',
  'azertyuiop', 'qwertyuiop', 'azerty1234', 'qwerty1234', 'bonjour123', 'soleil1234', 'iloveyou12', 'changeme123',
]);

/** Why a password is too weak, or null. Length first; then the guesses tried first by anyone. */
export function weakPasswordReason(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `at least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return 'too few different characters';
  if (COMMON_PASSWORDS.has(lower)) return 'too common';
  const local = email.split('@')[0]!.toLowerCase();
  if (local.length >= 4 && lower.includes(local)) return 'must not contain your email address';
  return null;
}

/**
 * Sets the invited user's password and marks the invitation used, in one transaction; the caller then signs
 * the user in. Unknown token: 404; used or expired: 409 with what to do; weak password: 422 (the token stays valid).
 */
export async function acceptInvitation(db: Db, token: string, password: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ invitation: invitations, user: users }).from(invitations)
      .innerJoin(users, eq(users.id, invitations.userId))
      .where(eq(invitations.tokenHash, hashSecret(token)));
    if (!found) throw new AppError('not_found', 'invitation not found: check the link you received');
    const { invitation, user } = found;
    if (invitation.acceptedAt) throw new AppError('conflict', 'this invitation was already used: sign in with your email and password');
    if (invitation.expiresAt <= now) throw new AppError('conflict', 'this invitation has expired: ask the brand for a new one');
    if (user.disabledAt) throw new AppError('forbidden', 'this account is disabled');
    const weak = weakPasswordReason(password, user.email);
    if (weak) throw new AppError('validation_failed', `password: ${weak}`);
    // The condition makes two simultaneous acceptances of one token count once.
    const used = await tx.update(invitations).set({ acceptedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt))).returning({ id: invitations.id });
    if (used.length === 0) throw new AppError('conflict', 'this invitation was already used: sign in with your email and password');
    await tx.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, user.id));
    await recordEvent(tx, {
      orgId: user.orgId, type: 'invitation.accepted', actor: { kind: 'user', id: user.id }, subject: { type: 'user', id: user.id },
      data: { invitationId: invitation.id },
    });
    return { userId: user.id, orgId: user.orgId, email: user.email };
  });
}
