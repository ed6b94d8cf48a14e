// Multinomial logistic regression on sparse vectors, trained with plain SGD.
// Softmax rather than one-vs-rest scores: its probabilities are comparable across
// labels, which is what a single abstention threshold needs.
import { seededRandom, shuffleInPlace } from './seeded-random.js';
import type { SparseVector } from './sparse-vector.js';

export interface SoftmaxOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per example; larger values give smoother, less over-confident scores. */
  l2: number;
  seed: number;
  /**
   * Share of a training vector's terms hidden at each step (dropout). The model must then
   * rely on many terms rather than one, which raised accuracy and out-of-scope detection.
   */
  featureDropout: number;
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxOptions = {
  epochs: 40,
  learningRate: 2,
  l2: 0,
  seed: 1,
  featureDropout: 0.7,
};

/** Weights are feature-major (weights[f * classes + c]) so scoring one vector is cache-friendly. */
export interface LinearScorer {
  features: number;
  classes: number;
  weights: Float32Array;
  bias: Float32Array;
}

/** Raw scores (logits) for every class, written into `out`. */
export function linearScores(model: LinearScorer, x: SparseVector, out: Float64Array): Float64Array {
  const { classes, weights, bias } = model;
  for (let c = 0; c < classes; c++) out[c] = bias[c]!;
  for (let k = 0; k < x.indices.length; k++) {
    const f = x.indices[k]!;
    if (f >= model.features) continue;
    const v = x.values[k]!;
    const row = f * classes;
    for (let c = 0; c < classes; c++) out[c]! += v * weights[row + c]!;
  }
  return out;
}

/** In-place softmax with temperature; returns `scores` now holding probabilities. */
export function softmaxInPlace(scores: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) max = Math.max(max, scores[c]!);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = Math.exp((scores[c]! - max) / temperature);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) scores[c]! /= sum;
  return scores;
}

export function trainSoftmax(
  vectors: SparseVector[],
  labels: Int32Array,
  features: number,
  classes: number,
  options: SoftmaxOptions = DEFAULT_SOFTMAX_OPTIONS,
): LinearScorer {
  const weights = new Float32Array(features * classes);
  const bias = new Float32Array(classes);
  const model: LinearScorer = { features, classes, weights, bias };
  const random = seededRandom(options.seed);
  const order = Array.from(vectors.keys());
  const probabilities = new Float64Array(classes);
  const active = new Int32Array(classes);
  const gradient = new Float64Array(classes);
  // L2 decay is applied lazily through a global scale: true weights = scale * weights.
  let scale = 1;
  let step = 0;
  const total = options.epochs * vectors.length;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const lr = options.learningRate * (1 - step / total) + 1e-4; // linear decay
      step++;
      const x = options.featureDropout > 0 ? dropTerms(vectors[i]!, options, random) : vectors[i]!;
      linearScores(model, x, probabilities);
      // linearScores read the unscaled weights: apply the pending decay to the feature part.
      for (let c = 0; c < classes; c++) probabilities[c] = bias[c]! + (probabilities[c]! - bias[c]!) * scale;
      softmaxInPlace(probabilities);
      probabilities[labels[i]!]! -= 1; // now the gradient of the loss w.r.t. the logits
      scale *= 1 - lr * options.l2;
      // Classes with a negligible gradient are skipped: after a few epochs most are.
      let activeCount = 0;
      for (let c = 0; c < classes; c++) {
        const g = probabilities[c]!;
        if (g > -1e-5 && g < 1e-5) continue;
        bias[c]! -= lr * g;
        active[activeCount] = c;
        gradient[activeCount++] = (g * lr) / scale;
      }
      for (let k = 0; k < x.indices.length; k++) {
        const row = x.indices[k]! * classes;
        const v = x.values[k]!;
        for (let a = 0; a < activeCount; a++) weights[row + active[a]!]! -= gradient[a]! * v;
      }
      if (scale < 1e-6) {
        for (let j = 0; j < weights.length; j++) weights[j]! *= scale;
        scale = 1;
      }
    }
  }
  for (let j = 0; j < weights.length; j++) weights[j]! *= scale;
  return model;
}

function dropTerms(x: SparseVector, options: SoftmaxOptions, random: () => number): SparseVector {
  const keep = 1 - options.featureDropout;
  const scale = 1 / keep; // standard inverted dropout: expected input unchanged
  const indices: number[] = [];
  const values: number[] = [];
  for (let k = 0; k < x.indices.length; k++) {
    if (random() < keep) {
      indices.push(x.indices[k]!);
      values.push(x.values[k]! * scale);
    }
  }
  return { indices: Int32Array.from(indices), values: Float32Array.from(values) };
}
