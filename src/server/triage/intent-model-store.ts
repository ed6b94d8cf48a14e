// Where each organization's intent model lives: the newest row of intent_models, loaded once per process
// and reloaded when a newer training appears.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { intentExamples, intentModels } from '../db/schema/index.ts';
import { loadIntentModel, type IntentModel } from './intent/intent-model.ts';

export type StoredModel = { id: string; model: IntentModel; threshold: number; version: string };

const cache = new Map<string, StoredModel>();

/** A stored threshold above 1 means "no threshold reached the target precision": never answer. */
export const NEVER = 2;

export async function currentIntentModel(db: Db, orgId: string): Promise<StoredModel | null> {
  const [latest] = await db.select({ id: intentModels.id, threshold: intentModels.threshold })
    .from(intentModels).where(eq(intentModels.orgId, orgId)).orderBy(desc(intentModels.createdAt)).limit(1);
  if (!latest) return null;
  const cached = cache.get(orgId);
  if (cached?.id === latest.id) return cached;
  const [row] = await db.select().from(intentModels).where(eq(intentModels.id, latest.id));
  const model = loadIntentModel(row!.model);
  const stored = { id: row!.id, model, threshold: row!.threshold, version: `${model.version}#${row!.id.slice(0, 8)}` };
  cache.set(orgId, stored);
  return stored;
}

export async function saveIntentModel(
  db: Db,
  orgId: string,
  input: { model: IntentModel; threshold: number; targetPrecision: number; exampleCount: number; metrics: Record<string, unknown> },
) {
  const [row] = await db.insert(intentModels).values({
    orgId, version: input.model.version, labels: input.model.labels, model: JSON.stringify(input.model.toJSON()),
    threshold: Number.isFinite(input.threshold) ? input.threshold : NEVER, targetPrecision: input.targetPrecision,
    exampleCount: input.exampleCount, metrics: input.metrics,
  }).returning({ id: intentModels.id });
  return row!.id;
}

/** What the API shows of the model in use (not the weights). */
export async function describeCurrentModel(db: Db, orgId: string) {
  const [m] = await db.select({
    id: intentModels.id, version: intentModels.version, labels: intentModels.labels, threshold: intentModels.threshold,
    targetPrecision: intentModels.targetPrecision, exampleCount: intentModels.exampleCount, metrics: intentModels.metrics, createdAt: intentModels.createdAt,
  }).from(intentModels).where(eq(intentModels.orgId, orgId)).orderBy(desc(intentModels.createdAt)).limit(1);
  return m ? { ...m, createdAt: m.createdAt.toISOString() } : null;
}

/** Labeled examples for the next training, in batches the database accepts. */
export async function addIntentExamples(db: Db, orgId: string, examples: { text: string; label: string }[], source = 'upload') {
  for (let i = 0; i < examples.length; i += 1000) {
    await db.insert(intentExamples).values(examples.slice(i, i + 1000).map((e) => ({ orgId, text: e.text, label: e.label, source })));
  }
  return examples.length;
}
