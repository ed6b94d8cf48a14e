// TF-IDF features from two views of the text: words (unigrams + bigrams) and
// character n-grams inside word boundaries. Characters make the model robust
// to typos, inflections and French/English morphology; words carry phrasing.
import { tokenize } from './text-normalization.js';
import { base64ToFloat32, float32ToBase64, type SparseVector } from './sparse-vector.js';

export interface VectorizerOptions {
  /** Character n-gram lengths, taken from " word " padded tokens. */
  charNgramMin: number;
  charNgramMax: number;
  /** Relative weight of the character block versus the word block (each L2-normalized). */
  charWeight: number;
  /** Terms seen in fewer training texts are dropped (1 keeps everything, needed for tiny datasets). */
  minDocumentFrequency: number;
  wordNgramMax: number;
  skipBigrams: boolean;
  crossWordChars: boolean;
}

export const DEFAULT_VECTORIZER_OPTIONS: VectorizerOptions = {
  charNgramMin: 3,
  charNgramMax: 5,
  charWeight: 1,
  minDocumentFrequency: 1,
  wordNgramMax: 2,
  skipBigrams: false,
  crossWordChars: false,
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
    if (i + 1 < tokens.length && options.wordNgramMax >= 2) add('w' + tokens[i] + ' ' + tokens[i + 1]);
    if (i + 2 < tokens.length && options.wordNgramMax >= 3) add('w' + tokens[i] + ' ' + tokens[i + 1] + ' ' + tokens[i + 2]);
    if (i + 2 < tokens.length && options.skipBigrams) add('w' + tokens[i] + ' _ ' + tokens[i + 2]);
    if (options.crossWordChars) continue;
    const padded = ' ' + tokens[i] + ' ';
    for (let n = options.charNgramMin; n <= options.charNgramMax; n++) {
      for (let start = 0; start + n <= padded.length; start++) add('c' + padded.slice(start, start + n));
    }
  }
  if (options.crossWordChars) {
    const padded = ' ' + tokens.join(' ') + ' ';
    for (let n = options.charNgramMin; n <= options.charNgramMax; n++) {
      for (let start = 0; start + n <= padded.length; start++) add('c' + padded.slice(start, start + n));
    }
  }
  return counts;
}

export class TfidfVectorizer {
  private readonly index: Map<string, number>;

  private constructor(
    readonly options: VectorizerOptions,
    readonly terms: string[],
    readonly idf: Float32Array,
  ) {
    this.index = new Map(terms.map((term, i) => [term, i]));
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
      .sort(); // sorted so the same data always gives the same feature order
    const idf = new Float32Array(terms.length);
    const n = texts.length;
    terms.forEach((term, i) => {
      idf[i] = Math.log((1 + n) / (1 + documentFrequency.get(term)!)) + 1;
    });
    return new TfidfVectorizer({ ...options }, terms, idf);
  }

  /** Sublinear tf-idf, each view L2-normalized, then the whole vector normalized. */
  transform(text: string): SparseVector {
    const entries: [number, number, boolean][] = [];
    let wordNorm = 0;
    let charNorm = 0;
    for (const [term, count] of extractTerms(text, this.options)) {
      const i = this.index.get(term);
      if (i === undefined) continue;
      const value = (1 + Math.log(count)) * this.idf[i]!;
      const isChar = term.charCodeAt(0) === 99; // 'c'
      if (isChar) charNorm += value * value;
      else wordNorm += value * value;
      entries.push([i, value, isChar]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? this.options.charWeight / Math.sqrt(charNorm) : 0;
    const total = Math.sqrt((wordNorm > 0 ? 1 : 0) + (charNorm > 0 ? this.options.charWeight ** 2 : 0));
    const indices = new Int32Array(entries.length);
    const values = new Float32Array(entries.length);
    entries.forEach(([i, value, isChar], k) => {
      indices[k] = i;
      values[k] = (value * (isChar ? charScale : wordScale)) / total;
    });
    return { indices, values };
  }

  toJSON(): SerializedVectorizer {
    return { options: { ...this.options }, terms: this.terms, idf: float32ToBase64(this.idf) };
  }

  static fromJSON(json: SerializedVectorizer): TfidfVectorizer {
    const idf = base64ToFloat32(json.idf);
    if (!Array.isArray(json.terms) || idf.length !== json.terms.length) {
      throw new Error('Invalid vectorizer: terms and idf sizes differ');
    }
    return new TfidfVectorizer({ ...DEFAULT_VECTORIZER_OPTIONS, ...json.options }, json.terms, idf);
  }
}
