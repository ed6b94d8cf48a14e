// TF-IDF features from two views of the text: words (unigrams + bigrams) and
// character n-grams inside word boundaries. Characters make the model robust
// to typos, inflections and French/English morphology; words carry phrasing.
import { tokenize } from './text-normalization.js';
import type { SparseVector } from './sparse-vector.js';
import { base64ToFloat32, float32ToBase64 } from './weight-encoding.js';

export interface VectorizerOptions {
  /** Character n-gram lengths, taken from " word " padded tokens. */
  charNgramMin: number;
  charNgramMax: number;
  /** Weight of the character view relative to the word view (each view is L2-normalized). */
  charWeight: number;
  /**
   * How much terms never seen in training count in the norm (0 = ignored, 1 = like a
   * term with the highest idf). A message made mostly of unknown words then gets a
   * short vector, hence low confidence: the main out-of-scope signal.
   */
  unknownWeight: number;
  /** Terms seen in fewer training texts are dropped (keeps large models compact). */
  minDocumentFrequency: number;
}

export const DEFAULT_VECTORIZER_OPTIONS: VectorizerOptions = {
  charNgramMin: 2,
  charNgramMax: 5,
  charWeight: 1,
  unknownWeight: 1,
  minDocumentFrequency: 1,
};

export interface SerializedVectorizer {
  options: VectorizerOptions;
  terms: string[];
  idf: string; // base64 float32
}

/** Term counts of one text; word terms start with "w", character terms with "c". */
export function extractTerms(text: string, options: VectorizerOptions): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  for (let i = 0; i < tokens.length; i++) {
    add('w' + tokens[i]);
    if (i + 1 < tokens.length) add('w' + tokens[i] + ' ' + tokens[i + 1]);
    const padded = ' ' + tokens[i] + ' ';
    for (let n = options.charNgramMin; n <= options.charNgramMax; n++) {
      for (let start = 0; start + n <= padded.length; start++) add('c' + padded.slice(start, start + n));
    }
  }
  return counts;
}

const CHAR_PREFIX = 99; // 'c'

export class TfidfVectorizer {
  private readonly index: Map<string, number>;
  private readonly unknownIdf: number;

  private constructor(
    readonly options: VectorizerOptions,
    readonly terms: string[],
    readonly idf: Float32Array,
  ) {
    this.index = new Map(terms.map((term, i) => [term, i]));
    let maxIdf = 1;
    for (const value of idf) maxIdf = Math.max(maxIdf, value);
    this.unknownIdf = maxIdf;
  }

  get size(): number {
    return this.terms.length;
  }

  static fit(texts: string[], options: VectorizerOptions = DEFAULT_VECTORIZER_OPTIONS): TfidfVectorizer {
    const documentFrequency = new Map<string, number>();
    for (const text of texts) {
      for (const term of extractTerms(text, options).keys()) {
        documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      }
    }
    const terms = [...documentFrequency.entries()]
      .filter(([, df]) => df >= options.minDocumentFrequency)
      .map(([term]) => term)
      .sort(); // the same data always gives the same feature order
    const idf = new Float32Array(terms.length);
    const n = texts.length;
    terms.forEach((term, i) => {
      idf[i] = Math.log((1 + n) / (1 + documentFrequency.get(term)!)) + 1;
    });
    return new TfidfVectorizer({ ...options }, terms, idf);
  }

  /** Sublinear tf-idf; each view L2-normalized (unknown terms included), then combined. */
  transform(text: string): SparseVector {
    const known: { index: number; value: number; isChar: boolean }[] = [];
    let wordNorm = 0;
    let charNorm = 0;
    for (const [term, count] of extractTerms(text, this.options)) {
      const index = this.index.get(term);
      const tf = 1 + Math.log(count);
      const value = index === undefined ? tf * this.unknownIdf * this.options.unknownWeight : tf * this.idf[index]!;
      const isChar = term.charCodeAt(0) === CHAR_PREFIX;
      if (isChar) charNorm += value * value;
      else wordNorm += value * value;
      if (index !== undefined) known.push({ index, value, isChar });
    }
    known.sort((a, b) => a.index - b.index);
    const charWeight = this.options.charWeight;
    const total = Math.sqrt((wordNorm > 0 ? 1 : 0) + (charNorm > 0 ? charWeight * charWeight : 0)) || 1;
    const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) / total : 0;
    const charScale = charNorm > 0 ? charWeight / Math.sqrt(charNorm) / total : 0;
    const indices = new Int32Array(known.length);
    const values = new Float32Array(known.length);
    known.forEach((entry, k) => {
      indices[k] = entry.index;
      values[k] = entry.value * (entry.isChar ? charScale : wordScale);
    });
    return { indices, values };
  }

  toJSON(): SerializedVectorizer {
    return { options: { ...this.options }, terms: this.terms, idf: float32ToBase64(this.idf) };
  }

  static fromJSON(json: SerializedVectorizer): TfidfVectorizer {
    if (!json || !Array.isArray(json.terms)) throw new Error('Invalid intent model: missing vectorizer');
    const idf = base64ToFloat32(json.idf);
    if (idf.length !== json.terms.length) {
      throw new Error('Invalid intent model: vectorizer terms and idf sizes differ');
    }
    return new TfidfVectorizer({ ...DEFAULT_VECTORIZER_OPTIONS, ...json.options }, json.terms, idf);
  }
}
