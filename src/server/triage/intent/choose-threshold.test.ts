import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  balancedThreshold,
  operatingCurve,
  thresholdForAccuracyLoss,
  thresholdForPrecision,
  type ScoredItem,
} from './choose-threshold.js';

const OOS = 'oos';
// Four in-scope items (three right) and two out-of-scope items, one already predicted oos.
const items: ScoredItem[] = [
  { gold: 'a', predicted: 'a', confidence: 0.9 },
  { gold: 'b', predicted: 'b', confidence: 0.8 },
  { gold: 'a', predicted: 'b', confidence: 0.6 },
  { gold: OOS, predicted: 'a', confidence: 0.5 },
  { gold: 'b', predicted: 'b', confidence: 0.4 },
  { gold: OOS, predicted: OOS, confidence: 0.99 },
];

describe('operatingCurve', () => {
  it('goes from accepting nothing to accepting every non-oos prediction', () => {
    const curve = operatingCurve(items, OOS);
    assert.equal(curve.length, 6);
    assert.deepEqual(curve[0], { threshold: Infinity, inScopeAccuracy: 0, oosRecall: 1, coverage: 0, precision: 1 });
    const last = curve[curve.length - 1]!;
    assert.equal(last.threshold, 0);
    assert.equal(last.inScopeAccuracy, 3 / 4);
    assert.equal(last.oosRecall, 1 / 2);
    assert.equal(last.precision, 3 / 5);
    assert.ok(Math.abs(curve[2]!.threshold - 0.7) < 1e-12, 'thresholds sit between confidences');
  });
});

describe('threshold choice', () => {
  it('finds the lowest threshold reaching the target precision', () => {
    const point = thresholdForPrecision(items, OOS, 0.95);
    assert.ok(Math.abs(point.threshold - 0.7) < 1e-12);
    assert.equal(point.precision, 1);
    assert.equal(point.coverage, 2 / 6);
    // Unreachable target: accept nothing rather than answer wrongly.
    const none = thresholdForPrecision([{ gold: 'a', predicted: 'b', confidence: 0.9 }], OOS, 0.95);
    assert.equal(none.threshold, Infinity);
  });

  it('maximizes mean(in-scope accuracy, oos recall) for the balanced point', () => {
    const point = balancedThreshold(items, OOS);
    // 0.7 and 0.55 tie on validation; the higher one accepts one wrong answer fewer.
    assert.ok(Math.abs(point.threshold - 0.7) < 1e-12);
    assert.equal(point.inScopeAccuracy, 2 / 4);
    assert.equal(point.oosRecall, 1);
  });

  it('catches the most oos within the allowed accuracy loss', () => {
    assert.equal(thresholdForAccuracyLoss(items, OOS, 0).threshold, 0);
    const point = thresholdForAccuracyLoss(items, OOS, 0.25);
    assert.ok(Math.abs(point.threshold - 0.7) < 1e-12);
    assert.equal(point.oosRecall, 1);
    assert.equal(point.inScopeAccuracy, 2 / 4);
  });
});
