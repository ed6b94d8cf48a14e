// Lexicon sentiment, FR/EN: word and phrase valences, negation ("pas content",
// "not happy"), intensifiers ("très", "so"), contrast ("..., mais ..."), emojis and
// exclamation. Explainable by construction: each contribution becomes a reason.
import { normalizeMessage, type NormalizedText } from './normalize-text.ts';
import {
  CONTRAST_WORDS, EMOJI_SENTIMENT, INTENSIFIERS, MAX_PHRASE_TOKENS, SENTIMENT_NEGATORS, SENTIMENT_WORDS,
} from './sentiment-lexicon.ts';

export interface SentimentResult {
  /** -1 (very negative) .. 1 (very positive); 0 when nothing carries sentiment. */
  score: number;
  reasons: string[];
}

interface Contribution {
  term: string;
  value: number;
  sentence: number;
}

const isBoundary = (t: string | undefined): boolean => t === '.' || t === ',';
/** VADER-style squashing: a few strong words approach ±1 without ever reaching it. */
const SQUASH_ALPHA = 6;

function lookupPhrase(tokens: readonly string[], i: number, elongated = false): { term: string; valence: number; span: number } | null {
  for (let k = MAX_PHRASE_TOKENS; k >= 1; k--) {
    const slice = tokens.slice(i, i + k);
    if (slice.length < k || slice.some(isBoundary)) continue;
    const term = slice.join(' ');
    // "NUUUL" was kept as "nuul": also try it squeezed to "nul".
    const valence = SENTIMENT_WORDS.get(term) ?? (elongated && k === 1 ? SENTIMENT_WORDS.get(term.replace(/(\p{L})\1/gu, '$1')) : undefined);
    if (valence !== undefined) return { term, valence, span: k };
  }
  return null;
}

function isNegatedAt(tokens: readonly string[], start: number, span: number, term: string): boolean {
  if (term.split(' ').some((t) => SENTIMENT_NEGATORS.has(t))) return false; // "pas content" already negative
  for (let j = start - 1; j >= Math.max(0, start - 3); j--) {
    const t = tokens[j];
    if (isBoundary(t)) break;
    if (t && SENTIMENT_NEGATORS.has(t)) return true;
  }
  const after = tokens[start + span];
  return after === 'pas' || after === 'jamais'; // "ça marche pas", "je suis content jamais"
}

export function scoreSentiment(input: string | NormalizedText): SentimentResult {
  const normalized = typeof input === 'string' ? normalizeMessage(input) : input;
  const { tokens } = normalized;
  const elongated = normalized.variants.length > 1;
  const contributions: Contribution[] = [];
  let sentence = 0;
  let multiplier = 1;
  let contrastFrom = -1;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] ?? '';
    if (token === '.') {
      sentence++;
      contrastFrom = -1;
      i++;
      continue;
    }
    if (CONTRAST_WORDS.has(token)) {
      // The clause before "mais"/"but" counts half; the one after counts more.
      for (const c of contributions) if (c.sentence === sentence) c.value *= 0.5;
      contrastFrom = sentence;
      i++;
      continue;
    }
    const intensifierSpan = INTENSIFIERS.has(token) ? 1 : INTENSIFIERS.has(`${token} ${tokens[i + 1] ?? ''}`) ? 2 : 0;
    if (intensifierSpan > 0) {
      const next = lookupPhrase(tokens, i + intensifierSpan, elongated);
      if (next && next.valence !== 0) {
        multiplier *= INTENSIFIERS.get(tokens.slice(i, i + intensifierSpan).join(' ')) ?? 1;
        i += intensifierSpan;
        continue;
      }
    }
    const found = lookupPhrase(tokens, i, elongated);
    if (!found || found.valence === 0) {
      multiplier = 1;
      i += found?.span ?? 1;
      continue;
    }
    let value = found.valence * multiplier;
    let term = multiplier === 1 ? found.term : `(intensified) ${found.term}`;
    if (isNegatedAt(tokens, i, found.span, found.term)) {
      value = value > 0 ? -0.8 * value : -0.3 * value; // "pas content" < 0, "pas nul" only mildly > 0
      term = `(negated) ${term}`;
    }
    if (contrastFrom === sentence) value *= 1.5;
    contributions.push({ term, value, sentence });
    multiplier = 1;
    i += found.span;
  }
  for (const emoji of normalized.emojis) {
    const value = EMOJI_SENTIMENT.get(emoji);
    if (value !== undefined) contributions.push({ term: emoji, value, sentence: -1 });
  }
  let total = contributions.reduce((sum, c) => sum + c.value, 0);
  const { exclamationCount, capitalRatio, letterCount } = normalized.stats;
  const amplifiers: string[] = [];
  if (total !== 0 && exclamationCount > 0) {
    total *= 1 + Math.min(exclamationCount, 4) * 0.08;
    amplifiers.push(`${exclamationCount} exclamation mark(s) amplify`);
  }
  if (total !== 0 && capitalRatio >= 0.6 && letterCount >= 8) {
    total *= 1.2;
    amplifiers.push('capitals amplify');
  }
  const score = Math.round((total / Math.sqrt(total * total + SQUASH_ALPHA)) * 1000) / 1000;
  const reasons = contributions
    .slice()
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
    .slice(0, 8)
    .map((c) => `${c.value > 0 ? '+' : ''}${Math.round(c.value * 100) / 100} ${c.term}`);
  return { score: Object.is(score, -0) ? 0 : score, reasons: [...reasons, ...amplifiers] };
}
