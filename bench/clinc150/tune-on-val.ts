// Hyperparameter exploration on VAL ONLY (test is never read here).
//   node --import tsx bench/clinc150/tune-on-val.ts '{"softmax":{"featureDropout":0.5}}' ...
import { balancedThreshold, thresholdForAccuracyLoss, thresholdForPrecision } from '../../src/server/triage/intent/choose-threshold.js';
import { computeMetrics, scoreExamples, timeSeconds } from '../../src/server/triage/intent/evaluate.js';
import { trainIntentModel, type TrainIntentOptions } from '../../src/server/triage/intent/intent-model.js';
import { DEFAULT_CLINC150_PATH, loadClinc150 } from './run-clinc150.js';

const data = loadClinc150(DEFAULT_CLINC150_PATH);
const trainSet = [...data.train, ...data.oos_train];
const valSet = [...data.val, ...data.oos_val];
const f = (x: number) => x.toFixed(3);

for (const arg of process.argv.slice(2)) {
  const options = JSON.parse(arg) as TrainIntentOptions;
  const { result: model, seconds } = timeSeconds(() =>
    trainIntentModel(trainSet, { outOfScopeLabel: 'oos', calibrationExamples: valSet, ...options }),
  );
  const scores = scoreExamples(model, valSet);
  const raw = computeMetrics(scores, 0, 'oos');
  const parts = [0.0025, 0.005, 0.01].map((loss) => {
    const p = thresholdForAccuracyLoss(scores, 'oos', loss);
    return `loss${loss}: ${f(p.inScopeAccuracy)}/${f(p.oosRecall)}`;
  });
  const b = balancedThreshold(scores, 'oos');
  const p95 = thresholdForPrecision(scores, 'oos', 0.95);
  console.log(
    arg,
    `| ${seconds.toFixed(1)}s T=${model.toJSON().temperature.toFixed(2)} raw ${f(raw.inScopeAccuracy)}/${f(raw.oosRecall)} |`,
    parts.join(' '),
    `| bal ${f(b.inScopeAccuracy)}/${f(b.oosRecall)} | p95 cov ${f(p95.coverage)}`,
  );
}
