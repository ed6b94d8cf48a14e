import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeMetrics, measureLatency, scoreExamples, timeSeconds } from './evaluate.js';
import { trainIntentModel } from './intent-model.js';
import { TOY_HELD_OUT, TOY_TRAINING } from './toy-intents.fixture.js';

const OOS = 'oos';
const items = [
  { gold: 'a', predicted: 'a', confidence: 0.9 },
  { gold: 'a', predicted: 'b', confidence: 0.8 },
  { gold: 'b', predicted: 'b', confidence: 0.3 }, // right but abstained at 0.5
  { gold: OOS, predicted: 'a', confidence: 0.4 }, // caught by the threshold
  { gold: OOS, predicted: 'b', confidence: 0.7 }, // missed
];

describe('computeMetrics', () => {
  it('computes accuracy, oos recall/precision, coverage and confusions at a threshold', () => {
    const m = computeMetrics(items, 0.5, OOS);
    assert.equal(m.inScopeAccuracy, 1 / 3);
    assert.equal(m.oosRecall, 1 / 2);
    assert.equal(m.oosPrecision, 1 / 2);
    assert.equal(m.coverage, 3 / 5);
    assert.equal(m.acceptedPrecision, 1 / 3);
    // F1 = 2tp/(gold+predicted): a = 2/3, b = 0 (its only hit was abstained), oos = 2/4.
    assert.ok(Math.abs(m.macroF1 - (2 / 3 + 0 + 0.5) / 3) < 1e-12);
    assert.equal(m.topConfusions.length, 3);
    assert.ok(m.topConfusions.some((c) => c.gold === 'b' && c.predicted === OOS && c.count === 1));
  });

  it('treats a predicted oos label as an abstention', () => {
    const m = computeMetrics([{ gold: OOS, predicted: OOS, confidence: 1 }], 0, OOS);
    assert.equal(m.oosRecall, 1);
    assert.equal(m.coverage, 0);
  });
});

describe('evaluation helpers', () => {
  it('scores a model, times training and measures latency', () => {
    const { result: model, seconds } = timeSeconds(() => trainIntentModel(TOY_TRAINING));
    assert.ok(seconds >= 0 && seconds < 5);
    const scored = scoreExamples(model, TOY_HELD_OUT);
    assert.equal(computeMetrics(scored, 0, OOS).inScopeAccuracy, 1);
    const latency = measureLatency(model, TOY_HELD_OUT.map((e) => e.text));
    assert.ok(latency.medianMs > 0 && latency.medianMs <= latency.p99Ms);
  });
});
