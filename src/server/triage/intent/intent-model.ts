// The intent classifier behind one small interface, so the implementation
// (today TF-IDF + softmax regression) can be replaced without touching callers.
import {
  DEFAULT_SOFTMAX_OPTIONS,
  linearScores,
  softmaxInPlace,
  trainSoftmax,
  type LinearScorer,
  type SoftmaxOptions,
} from './softmax-regression.js';
import { fitTemperature } from './temperature-scaling.js';
import {
  DEFAULT_VECTORIZER_OPTIONS,
  TfidfVectorizer,
  type SerializedVectorizer,
  type VectorizerOptions,
} from './tfidf-vectorizer.js';
import {
  base64ToFloat32,
  dequantizeRows,
  float32ToBase64,
  quantizeRowsInPlace,
  type QuantizedRows,
} from './weight-encoding.js';

export interface IntentExample {
  text: string;
  label: string;
}

export interface RankedLabel {
  label: string;
  confidence: number;
}

export interface IntentPrediction {
  /** Most probable label; may be the out-of-scope label when the model was trained with one. */
  label: string;
  /** Calibrated probability of `label`; compare with a threshold to decide whether to abstain. */
  confidence: number;
  /** Every label, most probable first. */
  ranking: RankedLabel[];
}

export interface IntentModel {
  readonly version: string;
  readonly labels: string[];
  /** Label standing for "none of our intents", or null when training had none. */
  readonly outOfScopeLabel: string | null;
  predict(text: string): IntentPrediction;
  toJSON(): SerializedIntentModel;
}

export interface TrainIntentOptions {
  /** Label of examples that belong to no intent; they are learned as one more class. */
  outOfScopeLabel?: string | null;
  /** Held-out labelled examples used only to fit the confidence temperature. */
  calibrationExamples?: IntentExample[];
  /** Fixed softmax temperature (skips fitting it on calibrationExamples). */
  temperature?: number;
  vectorizer?: Partial<VectorizerOptions>;
  softmax?: Partial<SoftmaxOptions>;
}

export const MODEL_VERSION = 'tfidf-softmax-1';

export interface SerializedIntentModel {
  version: typeof MODEL_VERSION;
  labels: string[];
  outOfScopeLabel: string | null;
  temperature: number;
  vectorizer: SerializedVectorizer;
  weights: QuantizedRows; // one row of label weights per vocabulary term
  bias: string; // base64 float32
}

class TfidfSoftmaxIntentModel implements IntentModel {
  readonly version = MODEL_VERSION;
  private readonly scratch: Float64Array;

  constructor(
    readonly labels: string[],
    readonly outOfScopeLabel: string | null,
    readonly temperature: number,
    private readonly vectorizer: TfidfVectorizer,
    private readonly scorer: LinearScorer,
    private readonly encodedWeights: QuantizedRows,
  ) {
    this.scratch = new Float64Array(labels.length);
  }

  /** Raw (uncalibrated) logits; a fresh array. */
  logits(text: string): Float64Array {
    return Float64Array.from(linearScores(this.scorer, this.vectorizer.transform(text), this.scratch));
  }

  predict(text: string): IntentPrediction {
    const probabilities = softmaxInPlace(
      linearScores(this.scorer, this.vectorizer.transform(text), this.scratch),
      this.temperature,
    );
    const ranking = this.labels.map((label, c) => ({ label, confidence: probabilities[c]! }));
    ranking.sort((a, b) => b.confidence - a.confidence || (a.label < b.label ? -1 : 1));
    return { label: ranking[0]!.label, confidence: ranking[0]!.confidence, ranking };
  }

  withTemperature(temperature: number): TfidfSoftmaxIntentModel {
    const { labels, outOfScopeLabel, vectorizer, scorer, encodedWeights } = this;
    return new TfidfSoftmaxIntentModel(labels, outOfScopeLabel, temperature, vectorizer, scorer, encodedWeights);
  }

  toJSON(): SerializedIntentModel {
    return {
      version: this.version,
      labels: [...this.labels],
      outOfScopeLabel: this.outOfScopeLabel,
      temperature: this.temperature,
      vectorizer: this.vectorizer.toJSON(),
      weights: { ...this.encodedWeights },
      bias: float32ToBase64(this.scorer.bias),
    };
  }
}

export function trainIntentModel(examples: IntentExample[], options: TrainIntentOptions = {}): IntentModel {
  validateExamples(examples);
  const outOfScopeLabel = options.outOfScopeLabel ?? null;
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  if (labels.length < 2) {
    throw new Error(`trainIntentModel: needs at least two distinct labels, got only "${labels[0]}"`);
  }
  const labelIndex = new Map(labels.map((label, i) => [label, i]));
  const vectorizer = TfidfVectorizer.fit(
    examples.map((e) => e.text),
    {
      ...DEFAULT_VECTORIZER_OPTIONS,
      // Singletons matter with ~10 examples per label; on large sets they only bloat the model.
      minDocumentFrequency: examples.length >= 5000 ? 2 : 1,
      ...options.vectorizer,
    },
  );
  const vectors = examples.map((e) => vectorizer.transform(e.text));
  const gold = Int32Array.from(examples, (e) => labelIndex.get(e.label)!);
  const scorer = trainSoftmax(vectors, gold, vectorizer.size, labels.length, {
    ...DEFAULT_SOFTMAX_OPTIONS,
    ...options.softmax,
  });
  const encodedWeights = quantizeRowsInPlace(scorer.weights, labels.length);
  const temperature = options.temperature ?? 1;
  const model = new TfidfSoftmaxIntentModel(labels, outOfScopeLabel, temperature, vectorizer, scorer, encodedWeights);
  if (options.temperature !== undefined) return model;
  const heldOut = (options.calibrationExamples ?? []).filter((e) => labelIndex.has(e.label));
  if (heldOut.length === 0) return model;
  const fitted = fitTemperature(
    heldOut.map((e) => model.logits(e.text)),
    heldOut.map((e) => labelIndex.get(e.label)!),
  );
  return model.withTemperature(fitted);
}

export function loadIntentModel(json: SerializedIntentModel | string): IntentModel {
  const data = (typeof json === 'string' ? JSON.parse(json) : json) as SerializedIntentModel;
  if (!data || data.version !== MODEL_VERSION) {
    throw new Error(`loadIntentModel: unsupported model version ${JSON.stringify(data?.version)}`);
  }
  const labels = data.labels;
  if (!Array.isArray(labels) || labels.length < 2 || new Set(labels).size !== labels.length) {
    throw new Error('loadIntentModel: labels must be at least two distinct strings');
  }
  const vectorizer = TfidfVectorizer.fromJSON(data.vectorizer);
  const weights = dequantizeRows(data.weights ?? { scales: '', values: '' }, labels.length);
  const bias = base64ToFloat32(data.bias);
  if (weights.length !== vectorizer.size * labels.length || bias.length !== labels.length) {
    throw new Error('loadIntentModel: weight sizes do not match labels and vocabulary');
  }
  if (!(data.temperature > 0)) throw new Error('loadIntentModel: temperature must be positive');
  const scorer = { features: vectorizer.size, classes: labels.length, weights, bias };
  const outOfScopeLabel = data.outOfScopeLabel ?? null;
  const encoded = { scales: data.weights.scales, values: data.weights.values };
  return new TfidfSoftmaxIntentModel(labels, outOfScopeLabel, data.temperature, vectorizer, scorer, encoded);
}

function validateExamples(examples: IntentExample[]): void {
  if (!Array.isArray(examples) || examples.length === 0) {
    throw new Error('trainIntentModel: no training examples');
  }
  examples.forEach((e, i) => {
    if (!e || typeof e.text !== 'string' || typeof e.label !== 'string' || e.label.trim() === '') {
      throw new Error(`trainIntentModel: example ${i} must have a string text and a non-empty label`);
    }
  });
}
