// FR / EN / other. eld (character n-grams) decides on sentences; on short messages
// ("ok", "merci", "thx", "mdr") it guesses, so function words and text-speak decide,
// then the organization's default language.
import { ENGLISH_WORDS, FRENCH_WORDS, OTHER_LANGUAGE_WORDS } from './language-lexicon.ts';
import { normalizeMessage, type NormalizedText } from './normalize-text.ts';

export type SupportedLanguage = 'fr' | 'en';
export type DetectedLanguage = SupportedLanguage | 'other';

export interface LanguageResult {
  language: DetectedLanguage;
  /** 0..1; below ~0.5 the answer is mostly the fallback. */
  confidence: number;
  reasons: string[];
}

export interface LanguageOptions {
  /** The organization's default language, used when the text gives no evidence. Defaults to 'fr'. */
  fallback?: SupportedLanguage;
}

interface EldResult {
  language: string;
  getScores(): Record<string, number>;
  isReliable(): boolean;
}
interface EldInstance {
  detect(text: string): EldResult;
  load?(size?: string): Promise<unknown>;
  newInstance?(): EldInstance;
  setLanguageSubset?(languages: string[]): unknown;
}

/** Language shows in the first lines; a bounded sample keeps latency flat on huge inputs. */
const SAMPLE_CHARS = 2_000;
/** Below this many letters eld's n-gram statistics are unreliable. */
export const MIN_LETTERS_FOR_NGRAMS = 15;
// Languages a French/English care desk plausibly receives: leaving out close cousins
// that are improbable here (Catalan, Galician, Yoruba...) removes most confusions.
const ELD_SUBSET = [
  'fr', 'en', 'es', 'it', 'de', 'pt', 'nl', 'pl', 'ro', 'tr', 'ru', 'uk', 'ar', 'fa', 'he', 'el',
  'hi', 'bn', 'ur', 'zh', 'ja', 'ko', 'vi', 'th', 'sv', 'cs', 'hu',
];

let detector: EldInstance | null = null;
let loading: Promise<boolean> | null = null;

/**
 * Loads eld's n-gram data once (about 1 s, ~150 MB for 'large'). Until it resolves,
 * detectLanguage uses word evidence only. Resolves false if eld is unavailable.
 */
export function initLanguageDetector(size: 'large' | 'medium' | 'small' = 'large'): Promise<boolean> {
  loading ??= (async () => {
    try {
      const mod = (await import('eld')) as unknown as { eld: EldInstance };
      const instance = mod.eld.newInstance ? mod.eld.newInstance() : mod.eld; // own subset, shared by nobody
      await instance.load?.(size);
      instance.setLanguageSubset?.(ELD_SUBSET);
      detector = instance;
      return true;
    } catch {
      loading = null;
      return false;
    }
  })();
  return loading;
}

export function isLanguageDetectorReady(): boolean {
  return detector !== null;
}

interface WordEvidence {
  fr: number;
  en: number;
  other: number;
}

function countWordEvidence(tokens: readonly string[]): WordEvidence {
  const evidence: WordEvidence = { fr: 0, en: 0, other: 0 };
  for (const t of tokens) {
    if (FRENCH_WORDS.has(t)) evidence.fr++;
    if (ENGLISH_WORDS.has(t)) evidence.en++;
    if (OTHER_LANGUAGE_WORDS.has(t)) evidence.other++;
  }
  return evidence;
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** Strips what carries no language: links, addresses, handles, numbers, emojis. */
function textForNgrams(original: string): string {
  return original
    .replace(/\S{60,}/g, ' ') // no word is that long: links, hashes, junk (and it bounds backtracking below)
    .replace(/https?:\/\/\S+|www\.\S+|\S+@\S+\.\S+|[@#][\p{L}\p{N}_]+/gu, ' ')
    .replace(/[^\p{L}\s'’.,!?-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function fromWords(evidence: WordEvidence, fallback: SupportedLanguage, wordCount: number, reasons: string[]): LanguageResult {
  const { fr, en, other } = evidence;
  reasons.push(`function words: fr=${fr}, en=${en}, other=${other}`);
  if (other > 0 && other >= fr && other >= en) return { language: 'other', confidence: round(0.5 + 0.4 * (other - Math.max(fr, en)) / (other + 1)), reasons };
  if (fr === en) {
    if (fr === 0 && wordCount >= 8) {
      reasons.push('many words, none French or English');
      return { language: 'other', confidence: 0.35, reasons };
    }
    reasons.push(`no decisive evidence: organization default '${fallback}'`);
    return { language: fallback, confidence: fr === 0 ? 0.3 : 0.4, reasons };
  }
  const language = fr > en ? 'fr' : 'en';
  const margin = Math.abs(fr - en);
  return { language, confidence: round(0.5 + (0.4 * margin) / (fr + en + 1)), reasons };
}

export function detectLanguage(input: string | NormalizedText, options: LanguageOptions = {}): LanguageResult {
  const fallback = options.fallback ?? 'fr';
  const normalized = typeof input === 'string' ? normalizeMessage(input) : input;
  const reasons: string[] = [];
  const sample = normalized.original.slice(0, SAMPLE_CHARS);
  const letterCount = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letterCount === 0) {
    reasons.push(`no letters: organization default '${fallback}'`);
    return { language: fallback, confidence: 0.2, reasons };
  }
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin / letterCount < 0.5) {
    reasons.push('mostly non-Latin script');
    return { language: 'other', confidence: 0.9, reasons };
  }
  const words = normalized.tokens.slice(0, SAMPLE_CHARS / 4).filter((t) => t !== '.' && t !== ',');
  const evidence = countWordEvidence(words);
  const clean = textForNgrams(sample);
  const ngramLetters = clean.match(/\p{L}/gu)?.length ?? 0;
  if (!detector) {
    reasons.push('n-gram detector not loaded: words only');
    return fromWords(evidence, fallback, words.length, reasons);
  }
  const result = detector.detect(clean);
  const scores = result.getScores();
  const fr = scores.fr ?? 0;
  const en = scores.en ?? 0;
  if (ngramLetters < MIN_LETTERS_FOR_NGRAMS) {
    // Too short for n-grams: words first, then eld restricted to FR vs EN with a clear margin.
    if (evidence.fr !== evidence.en || evidence.other > 0) return fromWords(evidence, fallback, words.length, reasons);
    if (ngramLetters >= 6 && Math.abs(fr - en) >= 0.1) {
      reasons.push(`short text, n-gram FR/EN scores ${round(fr)}/${round(en)}`);
      return { language: fr > en ? 'fr' : 'en', confidence: 0.5, reasons };
    }
    return fromWords(evidence, fallback, words.length, reasons);
  }
  const top = result.language;
  const topScore = scores[top] ?? 0;
  const second = Math.max(0, ...Object.entries(scores).filter(([k]) => k !== top).map(([, v]) => v));
  const ngramConfidence = round(Math.min(0.99, 0.5 + (topScore - second) + (result.isReliable() ? 0.1 : 0)));
  reasons.push(`n-grams: ${top || 'none'} ${round(topScore)} (next ${round(second)})`);
  if (!top || !result.isReliable() || topScore < 0.5) {
    reasons.push('n-grams unreliable');
    return fromWords(evidence, fallback, words.length, reasons);
  }
  if (top === 'fr' || top === 'en') {
    const mine = evidence[top];
    const theirs = evidence[top === 'fr' ? 'en' : 'fr'];
    if (theirs >= 3 && theirs >= 2 * mine + 1) {
      reasons.push('function words contradict the n-grams (mixed text)');
      return fromWords(evidence, fallback, words.length, reasons);
    }
    return { language: top, confidence: ngramConfidence, reasons };
  }
  const closest: SupportedLanguage = fr >= en ? 'fr' : 'en';
  const closestWords = evidence[closest];
  if (evidence.other === 0 && closestWords >= 2 && closestWords > evidence[closest === 'fr' ? 'en' : 'fr'] && (scores[closest] ?? 0) >= topScore - 0.05) {
    reasons.push(`'${top}' is close to '${closest}', and ${closestWords} ${closest} function words agree`);
    return { language: closest, confidence: 0.6, reasons };
  }
  return { language: 'other', confidence: ngramConfidence, reasons };
}
