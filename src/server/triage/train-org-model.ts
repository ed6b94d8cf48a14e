// Trains an organization's intent model from everything it has taught Relais: uploaded examples, conversations
// its people resolved (their first customer message, with the conversation's final intent), and corrections.
// The threshold for automatic answers is chosen on a held-out split to reach the organization's target precision.
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { conversations, intentExamples, messages, triageCorrections } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { getOrgSettings } from '../organizations/org-settings.ts';
import { trainIntentModel, type IntentExample } from './intent/intent-model.ts';
import { thresholdForPrecision } from './intent/choose-threshold.ts';
import { computeMetrics, scoreExamples } from './intent/evaluate.ts';
import { saveIntentModel } from './intent-model-store.ts';
import { stratifiedSplit } from './stratified-split.ts';
import { BACKGROUND_LABEL, BACKGROUND_MESSAGES } from './background-messages.ts';


export async function gatherTrainingExamples(db: Db, orgId: string): Promise<IntentExample[]> {
  const uploaded = await db.select({ text: intentExamples.text, label: intentExamples.label })
    .from(intentExamples).where(eq(intentExamples.orgId, orgId));
  const resolved = await db.select({ id: conversations.id, label: conversations.intent }).from(conversations)
    .where(and(eq(conversations.orgId, orgId), inArray(conversations.status, ['resolved', 'closed']), isNotNull(conversations.intent)));
  const firstMessages = new Map<string, string>();
  for (let i = 0; i < resolved.length; i += 500) {
    const ids = resolved.slice(i, i + 500).map((c) => c.id);
    const rows = await db.select({ conversationId: messages.conversationId, body: messages.body }).from(messages)
      .where(and(inArray(messages.conversationId, ids), eq(messages.direction, 'inbound')))
      .orderBy(asc(messages.createdAt));
    for (const r of rows) if (!firstMessages.has(r.conversationId)) firstMessages.set(r.conversationId, r.body);
  }
  // A correction of a message's intent relabels that very message: the person knows better than the model.
  const corrections = await db.select({ messageId: triageCorrections.messageId, label: triageCorrections.toValue, body: messages.body })
    .from(triageCorrections).innerJoin(messages, eq(messages.id, triageCorrections.messageId))
    .where(and(eq(triageCorrections.orgId, orgId), eq(triageCorrections.field, 'intent'), isNotNull(triageCorrections.toValue)))
    .orderBy(asc(triageCorrections.createdAt));
  const byText = new Map<string, string>();
  for (const e of uploaded) byText.set(e.text, e.label);
  for (const c of resolved) {
    const text = firstMessages.get(c.id);
    if (text && c.label) byText.set(text, c.label);
  }
  for (const c of corrections) if (c.label) byText.set(c.body, c.label);
  return [...byText].map(([text, label]) => ({ text, label }));
}

export type TrainingReport = {
  modelId: string; examples: number; labels: number; threshold: number | null;
  heldOut: { items: number; precision: number; coverage: number }; trainingSeconds: number;
};

export async function trainOrgModel(db: Db, orgId: string, options: { outOfScopeLabel?: string | null } = {}): Promise<TrainingReport> {
  const own = await gatherTrainingExamples(db, orgId);
  const labels = new Set(own.map((e) => e.label));
  if (labels.size < 2) throw new AppError('validation_failed', `training needs examples of at least 2 intents; found ${labels.size}`);
  const settings = await getOrgSettings(db, orgId);
  // Without out-of-scope examples of its own, the organization borrows the built-in background messages.
  const oos = options.outOfScopeLabel ?? BACKGROUND_LABEL;
  const ownTexts = new Set(own.map((e) => e.text));
  const examples = options.outOfScopeLabel
    ? own
    : [...own, ...BACKGROUND_MESSAGES.filter((text) => !ownTexts.has(text)).map((text) => ({ text, label: BACKGROUND_LABEL }))];
  const started = performance.now();
  const { train, heldOut } = stratifiedSplit(examples, 0.2);
  // First model: trained without the held-out part, which calibrates its confidence and picks the threshold.
  const probe = trainIntentModel(train, { outOfScopeLabel: oos, calibrationExamples: heldOut });
  const scored = scoreExamples(probe, heldOut);
  const point = thresholdForPrecision(scored, oos, settings.triage.targetPrecision);
  const heldOutMetrics = computeMetrics(scored, point.threshold, oos);
  // The model in use learns from everything, keeping the probe's calibration.
  const model = trainIntentModel(examples, { outOfScopeLabel: oos, temperature: probe.toJSON().temperature });
  const trainingSeconds = (performance.now() - started) / 1000;
  const modelId = await saveIntentModel(db, orgId, {
    model, threshold: point.threshold, targetPrecision: settings.triage.targetPrecision, exampleCount: examples.length,
    metrics: { heldOut: heldOutMetrics, operatingPoint: point, trainingSeconds },
  });
  return {
    modelId, examples: own.length, labels: labels.size,
    threshold: Number.isFinite(point.threshold) ? point.threshold : null,
    heldOut: { items: heldOut.length, precision: point.precision, coverage: point.coverage }, trainingSeconds,
  };
}
