import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { apiTokens, users } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './secret-tokens.ts';
import { forgetCachedTokens } from './sessions.service.ts';

/** Creates a token for a user of the org; the secret is returned once and never stored in clear. */
export async function createApiToken(db: Db, orgId: string, userId: string, name: string, actorId: string | null) {
  const [user] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.orgId, orgId)));
  if (!user) throw notFound('user');
  const token = newSecret(API_TOKEN_PREFIX);
  const [row] = await db
    .insert(apiTokens)
    .values({ orgId, userId, name, tokenHash: hashSecret(token) })
    .returning();
  await recordEvent(db, {
    orgId, type: 'api_token.created', actor: { kind: actorId ? 'user' : 'system', id: actorId },
    subject: { type: 'api_token', id: row!.id }, data: { userId, name },
  });
  return { token, record: row! };
}

export function listApiTokens(db: Db, orgId: string) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Db, orgId: string, id: string, actorId: string) {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.orgId, orgId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (revoked.length === 0) throw notFound('api token');
  forgetCachedTokens();
  await recordEvent(db, {
    orgId, type: 'api_token.revoked', actor: { kind: 'user', id: actorId }, subject: { type: 'api_token', id },
  });
}
