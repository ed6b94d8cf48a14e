// `relais nlu evaluate`: train on one set, choose thresholds on a validation split taken from the training
// data only (or CLINC's own val), evaluate on the test set, and report the paper's metrics.
import { balancedThreshold, thresholdForAccuracyLoss, thresholdForPrecision } from './intent/choose-threshold.ts';
import { computeMetrics, measureLatency, scoreExamples, timeSeconds } from './intent/evaluate.ts';
import { trainIntentModel, type IntentExample } from './intent/intent-model.ts';
import { stratifiedSplit } from './stratified-split.ts';

export type EvaluationInput = { train: IntentExample[]; validation?: IntentExample[]; test: IntentExample[]; oosLabel: string };

export function evaluateIntentModel(input: EvaluationInput) {
  const { oosLabel } = input;
  const split = input.validation ? { train: input.train, heldOut: input.validation } : stratifiedSplit(input.train, 0.2);
  const known = new Set(split.train.map((e) => e.label));
  const hasOos = known.has(oosLabel);
  const { result: model, seconds: trainingSeconds } = timeSeconds(() =>
    trainIntentModel(split.train, { outOfScopeLabel: hasOos ? oosLabel : null, calibrationExamples: split.heldOut }));
  const validation = scoreExamples(model, split.heldOut);
  const headline = thresholdForAccuracyLoss(validation, oosLabel);
  const balanced = balancedThreshold(validation, oosLabel);
  const precise = thresholdForPrecision(validation, oosLabel, 0.95);
  const test = scoreExamples(model, input.test);
  const at = (threshold: number) => computeMetrics(test, threshold, oosLabel);
  const headlineMetrics = at(headline.threshold);
  const latency = measureLatency(model, input.test.slice(0, 2000).map((e) => e.text));
  return {
    inScopeAccuracy: headlineMetrics.inScopeAccuracy,
    oosRecall: headlineMetrics.oosRecall,
    oosPrecision: headlineMetrics.oosPrecision,
    macroF1: headlineMetrics.macroF1,
    threshold: headline.threshold,
    mostConfused: headlineMetrics.topConfusions,
    balanced: { threshold: balanced.threshold, ...pick(at(balanced.threshold)) },
    precision95: { threshold: precise.threshold, coverage: at(precise.threshold).coverage, acceptedPrecision: at(precise.threshold).acceptedPrecision },
    trainingSeconds: Math.round(trainingSeconds * 100) / 100,
    medianMsPerMessage: Math.round(latency.medianMs * 1000) / 1000,
    p99MsPerMessage: Math.round(latency.p99Ms * 1000) / 1000,
    examples: { train: split.train.length, validation: split.heldOut.length, test: input.test.length },
    modelVersion: model.version,
  };
}

const pick = (m: ReturnType<typeof computeMetrics>) => ({
  inScopeAccuracy: m.inScopeAccuracy, oosRecall: m.oosRecall, oosPrecision: m.oosPrecision, macroF1: m.macroF1,
});
