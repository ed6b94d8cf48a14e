// Abstention thresholds, always chosen on validation data with known labels.
// Rule used everywhere: an answer is accepted when the predicted label is not the
// out-of-scope label and confidence >= threshold; otherwise the model abstains.

export interface ScoredItem {
  gold: string;
  predicted: string;
  confidence: number;
}

export interface OperatingPoint {
  threshold: number;
  /** In-scope items accepted with the right label, over all in-scope items. */
  inScopeAccuracy: number;
  /** Out-of-scope items abstained on, over all out-of-scope items. */
  oosRecall: number;
  /** Share of all items that get an automatic answer. */
  coverage: number;
  /** Share of accepted answers that are right (1 when nothing is accepted). */
  precision: number;
}

export function isAccepted(item: { predicted: string; confidence: number }, threshold: number, outOfScopeLabel: string): boolean {
  return item.predicted !== outOfScopeLabel && item.confidence >= threshold;
}

/**
 * Every distinct decision on `items`, from "accept nothing" to "accept everything".
 * Thresholds sit halfway between consecutive confidences so they do not hinge on
 * one exact validation value.
 */
export function operatingCurve(items: ScoredItem[], outOfScopeLabel: string): OperatingPoint[] {
  const inScopeTotal = items.filter((i) => i.gold !== outOfScopeLabel).length;
  const oosTotal = items.length - inScopeTotal;
  const candidates = items
    .filter((i) => i.predicted !== outOfScopeLabel)
    .sort((a, b) => b.confidence - a.confidence);
  let correctInScope = 0;
  let acceptedOos = 0;
  let accepted = 0;
  const point = (threshold: number): OperatingPoint => ({
    threshold,
    inScopeAccuracy: inScopeTotal ? correctInScope / inScopeTotal : 0,
    oosRecall: oosTotal ? 1 - acceptedOos / oosTotal : 1,
    coverage: items.length ? accepted / items.length : 0,
    precision: accepted ? correctInScope / accepted : 1,
  });
  const curve = [point(Infinity)];
  for (let k = 0; k < candidates.length; k++) {
    const item = candidates[k]!;
    accepted++;
    if (item.gold === outOfScopeLabel) acceptedOos++;
    else if (item.gold === item.predicted) correctInScope++;
    const next = candidates[k + 1];
    if (next && next.confidence === item.confidence) continue; // ties are accepted together
    curve.push(point(next ? (item.confidence + next.confidence) / 2 : 0));
  }
  return curve;
}

/** (a) Product default: the lowest threshold whose accepted answers reach `targetPrecision`. */
export function thresholdForPrecision(
  items: ScoredItem[],
  outOfScopeLabel: string,
  targetPrecision = 0.95,
): OperatingPoint {
  const curve = operatingCurve(items, outOfScopeLabel);
  let best = curve[0]!; // accepting nothing is always "precise"
  for (const point of curve) if (point.coverage > 0 && point.precision >= targetPrecision) best = point;
  return best;
}

/** (b) Balanced: maximizes the mean of in-scope accuracy and out-of-scope recall. */
export function balancedThreshold(items: ScoredItem[], outOfScopeLabel: string): OperatingPoint {
  const score = (p: OperatingPoint) => (p.inScopeAccuracy + p.oosRecall) / 2;
  return operatingCurve(items, outOfScopeLabel).reduce((best, p) => (score(p) > score(best) ? p : best));
}

/**
 * (c) Headline benchmark point: catch as many out-of-scope messages as possible while
 * abstention costs at most `maxAccuracyLoss` of the in-scope accuracy obtained when
 * never abstaining (except on the out-of-scope label itself).
 */
export function thresholdForAccuracyLoss(
  items: ScoredItem[],
  outOfScopeLabel: string,
  maxAccuracyLoss = 0.005,
): OperatingPoint {
  const curve = operatingCurve(items, outOfScopeLabel);
  // Along the curve accuracy only rises and recall only falls, so the answer is the
  // first point meeting the accuracy floor, or a later one with the same recall and
  // strictly better accuracy.
  const floor = curve[curve.length - 1]!.inScopeAccuracy - maxAccuracyLoss - 1e-12;
  const first = curve.findIndex((p) => p.inScopeAccuracy >= floor);
  let best = curve[first]!;
  for (let k = first + 1; k < curve.length && curve[k]!.oosRecall === best.oosRecall; k++) {
    if (curve[k]!.inScopeAccuracy > best.inScopeAccuracy) best = curve[k]!;
  }
  return best;
}
