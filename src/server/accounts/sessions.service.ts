import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { apiTokens, sessions, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { timingDummyHash, verifyPassword } from './password.ts';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './secret-tokens.ts';
import type { AuthContext } from './roles.ts';
import { ttlCache } from '../http/ttl-cache.ts';

export type LoginResult = { sessionToken: string; csrfToken: string; expiresAt: Date; userId: string; orgId: string };

export async function login(
  db: Db,
  input: { email: string; password: string; ip: string },
  ttlHours: number,
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const ok = user?.passwordHash
    ? await verifyPassword(input.password, user.passwordHash)
    : (await verifyPassword(input.password, await timingDummyHash()), false);
  if (!user || !ok || user.disabledAt) {
    await recordEvent(db, {
      orgId: user?.orgId ?? null,
      type: 'auth.login_failed',
      actor: { kind: 'anonymous' },
      subject: user ? { type: 'user', id: user.id } : undefined,
      data: { email, ip: input.ip, reason: !user ? 'unknown_email' : user.disabledAt ? 'disabled' : 'wrong_password' },
    });
    throw new AppError('unauthenticated', 'email or password is incorrect');
  }
  const sessionToken = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await db.insert(sessions).values({ tokenHash: hashSecret(sessionToken), userId: user.id, csrfToken, expiresAt });
  await recordEvent(db, {
    orgId: user.orgId, type: 'auth.login', actor: { kind: 'user', id: user.id }, data: { ip: input.ip },
  });
  return { sessionToken, csrfToken, expiresAt, userId: user.id, orgId: user.orgId };
}

export async function logout(db: Db, sessionToken: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(sessionToken)));
}

type Resolved = { auth: AuthContext; csrfToken?: string };

export async function resolveSession(db: Db, sessionToken: string): Promise<Resolved | null> {
  const [row] = await db
    .select({ user: users, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashSecret(sessionToken)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!row || row.user.disabledAt) return null;
  return { auth: toAuth(row.user, 'session'), csrfToken: row.csrfToken };
}

// Integrations call at high rates: a token's owner is cached briefly, and its last use written at most once a
// minute. Revoking a token or disabling its user takes effect within TOKEN_CACHE_MS.
const TOKEN_CACHE_MS = 10_000;
const tokenCache = ttlCache<{ auth: AuthContext; tokenId: string } | null>(TOKEN_CACHE_MS);
const lastUseWritten = new Map<string, number>();

export async function resolveApiToken(db: Db, token: string): Promise<Resolved | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const hash = hashSecret(token);
  const found = await tokenCache.get(hash, async () => {
    const [row] = await db
      .select({ user: users, tokenId: apiTokens.id })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)))
      .limit(1);
    return row && !row.user.disabledAt ? { auth: toAuth(row.user, 'token'), tokenId: row.tokenId } : null;
  });
  if (!found) return null;
  const now = Date.now();
  if ((lastUseWritten.get(found.tokenId) ?? 0) < now - 60_000) {
    lastUseWritten.set(found.tokenId, now);
    await db.update(apiTokens).set({ lastUsedAt: new Date(now) }).where(eq(apiTokens.id, found.tokenId));
  }
  return { auth: found.auth };
}

/** Forget cached token owners at once (after a revocation or a user change in this process). */
export function forgetCachedTokens(): void {
  tokenCache.clear();
}

export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const deleted = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ t: sessions.tokenHash });
  return deleted.length;
}

function toAuth(user: typeof users.$inferSelect, via: AuthContext['via']): AuthContext {
  return { userId: user.id, orgId: user.orgId, role: user.role, teamId: user.teamId, via };
}
