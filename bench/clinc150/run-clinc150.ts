// CLINC150 benchmark (Larson et al. 2019) for the intent classifier.
// Train on train (+ oos_train); every threshold and the temperature are chosen
// on val + oos_val; test + oos_test are only scored at the end.
//   node --import tsx bench/clinc150/run-clinc150.ts [path/to/data_full.json]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  balancedThreshold,
  thresholdForAccuracyLoss,
  thresholdForPrecision,
  type OperatingPoint,
} from '../../src/server/triage/intent/choose-threshold.js';
import {
  computeMetrics,
  measureLatency,
  scoreExamples,
  timeSeconds,
  type IntentMetrics,
} from '../../src/server/triage/intent/evaluate.js';
import { fileURLToPath } from 'node:url';
import {
  loadIntentModel,
  trainIntentModel,
  type IntentExample,
  type TrainIntentOptions,
} from '../../src/server/triage/intent/intent-model.js';

// shared/ sits beside the repository on every machine of this project (see the README's benchmarks section).
export const DEFAULT_CLINC150_PATH = fileURLToPath(new URL('../../../shared/datasets/clinc150/data_full.json', import.meta.url));
const OOS = 'oos';
/** Headline criterion: abstention may cost at most half a point of in-scope accuracy (on val). */
const HEADLINE_MAX_ACCURACY_LOSS = 0.005;
const PRODUCT_TARGET_PRECISION = 0.95;

type Split = 'train' | 'val' | 'test' | 'oos_train' | 'oos_val' | 'oos_test';

export function loadClinc150(path: string): Record<Split, IntentExample[]> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<Split, [string, string][]>;
  const split = (name: Split) => (raw[name] ?? []).map(([text, label]) => ({ text, label }));
  return {
    train: split('train'),
    val: split('val'),
    test: split('test'),
    oos_train: split('oos_train'),
    oos_val: split('oos_val'),
    oos_test: split('oos_test'),
  };
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

function summarize(metrics: IntentMetrics, chosenOnVal: OperatingPoint) {
  return {
    threshold: round(chosenOnVal.threshold, 6),
    val: {
      inScopeAccuracy: round(chosenOnVal.inScopeAccuracy),
      oosRecall: round(chosenOnVal.oosRecall),
      coverage: round(chosenOnVal.coverage),
      precision: round(chosenOnVal.precision),
    },
    test: {
      inScopeAccuracy: round(metrics.inScopeAccuracy),
      oosRecall: round(metrics.oosRecall),
      oosPrecision: round(metrics.oosPrecision),
      macroF1: round(metrics.macroF1),
      coverage: round(metrics.coverage),
      acceptedPrecision: round(metrics.acceptedPrecision),
    },
  };
}

export function runClinc150Benchmark(path: string = DEFAULT_CLINC150_PATH, options: TrainIntentOptions = {}) {
  const data = loadClinc150(path);
  const trainSet = [...data.train, ...data.oos_train];
  const valSet = [...data.val, ...data.oos_val];
  const testSet = [...data.test, ...data.oos_test];

  const { result: model, seconds: trainSeconds } = timeSeconds(() =>
    trainIntentModel(trainSet, { outOfScopeLabel: OOS, calibrationExamples: valSet, ...options }),
  );

  const valScores = scoreExamples(model, valSet);
  const headline = thresholdForAccuracyLoss(valScores, OOS, HEADLINE_MAX_ACCURACY_LOSS);
  const balanced = balancedThreshold(valScores, OOS);
  const precise = thresholdForPrecision(valScores, OOS, PRODUCT_TARGET_PRECISION);

  const testScores = scoreExamples(model, testSet);
  const noAbstention = computeMetrics(testScores, 0, OOS);
  const headlineTest = computeMetrics(testScores, headline.threshold, OOS);
  const inScopeOnly = computeMetrics(testScores.filter((s) => s.gold !== OOS), precise.threshold, OOS);
  const latency = measureLatency(model, testSet.map((e) => e.text));

  // Round trip through JSON, as when the model is stored per organization.
  const json = JSON.stringify(model.toJSON());
  const reloaded = loadIntentModel(json);
  const sample = testSet.filter((_, i) => i % 25 === 0);
  const identicalAfterReload = sample.every((e) => {
    const a = model.predict(e.text);
    const b = reloaded.predict(e.text);
    return a.label === b.label && a.confidence === b.confidence;
  });

  return {
    dataset: 'CLINC150 data_full',
    model: model.version,
    sizes: { train: trainSet.length, val: valSet.length, test: testSet.length, labels: model.labels.length },
    temperature: round(model.toJSON().temperature, 4),
    headline: {
      criterion: `max oos recall with val in-scope accuracy loss <= ${HEADLINE_MAX_ACCURACY_LOSS} vs no threshold`,
      ...summarize(headlineTest, headline),
      topConfusions: headlineTest.topConfusions.slice(0, 8),
    },
    balanced: { criterion: 'max mean(in-scope accuracy, oos recall) on val', ...summarize(computeMetrics(testScores, balanced.threshold, OOS), balanced) },
    precision95: {
      criterion: `lowest threshold with accepted precision >= ${PRODUCT_TARGET_PRECISION} on val`,
      ...summarize(computeMetrics(testScores, precise.threshold, OOS), precise),
      // val holds 3% out-of-scope items, test 18%: precision on in-scope items alone shows
      // whether the threshold itself transfers.
      testInScopeOnly: {
        coverage: round(inScopeOnly.coverage),
        acceptedPrecision: round(inScopeOnly.acceptedPrecision),
      },
    },
    noAbstention: { inScopeAccuracy: round(noAbstention.inScopeAccuracy), oosRecall: round(noAbstention.oosRecall) },
    trainSeconds: round(trainSeconds, 2),
    medianMsPerMessage: round(latency.medianMs, 4),
    p99MsPerMessage: round(latency.p99Ms, 4),
    serializedMegabytes: round(json.length / 1e6, 2),
    identicalAfterReload,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = runClinc150Benchmark(process.argv[2] ?? DEFAULT_CLINC150_PATH);
  console.log(JSON.stringify(result, null, 2));
}
