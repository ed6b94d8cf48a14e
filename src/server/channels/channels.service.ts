// Channel records and their sealed settings. Adapters find their channel from the key in a webhook URL.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { channels, deadLetters, type ChannelType } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import type { SecretBox } from './channel-secrets.ts';
import type { ChannelRecord } from './channel-adapter.ts';
import { adapterFor } from './registry.ts';
import { ttlCache } from '../http/ttl-cache.ts';

let box: SecretBox | undefined;
/** Set once at start-up (and by tests) with the key from the environment. */
export function useSecretBox(secretBox: SecretBox): void {
  box = secretBox;
}
function secretBox(): SecretBox {
  if (!box) throw new AppError('internal', 'channel secrets are not configured');
  return box;
}

const toRecord = (c: typeof channels.$inferSelect): ChannelRecord & { webhookKey: string } => ({
  id: c.id, orgId: c.orgId, type: c.type, name: c.name, isPublic: c.isPublic, webhookKey: c.webhookKey,
});

/** Creates a channel; `settings` are checked against the adapter's schema and stored sealed. */
export async function createConfiguredChannel(db: Db, orgId: string, input: { type: ChannelType; name: string; isPublic?: boolean; settings?: unknown }) {
  const adapter = adapterFor(input.type);
  let sealed: string | null = null;
  if (adapter) {
    const parsed = adapter.settingsSchema.safeParse(input.settings ?? {});
    if (!parsed.success) throw new AppError('validation_failed', `settings: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    sealed = secretBox().seal(parsed.data);
  }
  const [row] = await db.insert(channels).values({ orgId, type: input.type, name: input.name, isPublic: input.isPublic ?? false, settingsEncrypted: sealed }).returning();
  return toRecord(row!);
}

export async function updateChannelSettings(db: Db, orgId: string, channelId: string, settings: unknown) {
  const [row] = await db.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.orgId, orgId)));
  if (!row) throw notFound('channel');
  const adapter = adapterFor(row.type);
  if (!adapter) throw new AppError('bad_request', `the ${row.type} channel has no settings`);
  const parsed = adapter.settingsSchema.safeParse(settings);
  if (!parsed.success) throw new AppError('validation_failed', `settings: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  await db.update(channels).set({ settingsEncrypted: secretBox().seal(parsed.data) }).where(eq(channels.id, channelId));
  byWebhookKey.clear();
}

function openSettings<S>(row: typeof channels.$inferSelect): S {
  const adapter = adapterFor(row.type);
  const raw = row.settingsEncrypted ? secretBox().open(row.settingsEncrypted) : {};
  return (adapter ? adapter.settingsSchema.parse(raw) : raw) as S;
}

// Webhooks arrive in floods: a channel's record and opened settings are kept for a few seconds.
const byWebhookKey = ttlCache<{ channel: ReturnType<typeof toRecord>; settings: unknown } | null>(5_000);

/** The channel behind a webhook URL `/hooks/<type>/<key>`; 404 when there is none of that type. */
export async function channelByWebhookKey<S>(db: Db, type: ChannelType, key: string) {
  const found = await byWebhookKey.get(`${type}:${key}`, async () => {
    const [row] = await db.select().from(channels).where(and(eq(channels.type, type), eq(channels.webhookKey, key)));
    return row ? { channel: toRecord(row), settings: openSettings(row) } : null;
  });
  if (!found) throw new AppError('not_found', `no ${type} channel at this address`);
  return found as { channel: ReturnType<typeof toRecord>; settings: S };
}

export async function channelById<S>(db: Db, channelId: string) {
  const [row] = await db.select().from(channels).where(eq(channels.id, channelId));
  if (!row) throw notFound('channel');
  return { channel: toRecord(row), settings: openSettings<S>(row) };
}

/** Keeps an unreadable inbound payload for inspection (the sender gets a 400 naming the reason). */
export async function recordDeadLetter(db: Db, input: { orgId?: string | null; channelId?: string | null; source: string; reason: string; headers?: Record<string, unknown>; payload: string }) {
  await db.insert(deadLetters).values({
    orgId: input.orgId ?? null, channelId: input.channelId ?? null, source: input.source, reason: input.reason.slice(0, 1000),
    headers: input.headers ?? {}, payload: input.payload.slice(0, 1_000_000),
  });
}

export function listChannels(db: Db, orgId: string) {
  return db.select().from(channels).where(eq(channels.orgId, orgId)).orderBy(asc(channels.createdAt));
}

export async function getChannelRow(db: Db, orgId: string, id: string) {
  const [row] = await db.select().from(channels).where(and(eq(channels.id, id), eq(channels.orgId, orgId)));
  if (!row) throw notFound('channel');
  return row;
}

export async function renameChannel(db: Db, orgId: string, id: string, name: string) {
  await db.update(channels).set({ name }).where(and(eq(channels.id, id), eq(channels.orgId, orgId)));
}
