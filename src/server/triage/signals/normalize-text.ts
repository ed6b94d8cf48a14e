// One normalization pass shared by every signal detector, so lexicons are written
// once in plain folded spelling and work on "NUUUL", "jvé", "c0nnard" or "pk ?".
import { OBFUSCATION_TARGETS } from './profanity-lexicon.ts';
import {
  FR_C_SAFE_NEXT, FR_G_SAFE_NEXT, LETTER_LABEL_PREVIOUS, TEXTSPEAK_EN, TEXTSPEAK_FR,
} from './textspeak-lexicon.ts';

/** Longer messages are cut: signals live in the first pages, and it bounds latency. */
export const MAX_ANALYSIS_CHARS = 20_000;
const MAX_TOKEN_CHARS = 40;

export interface TextStats {
  originalLength: number;
  truncated: boolean;
  letterCount: number;
  /** Upper-case share of cased letters in the original text (0 when there are none). */
  capitalRatio: number;
  /** Words of 4+ letters written all in capitals ("ARRÊTEZ"). */
  shoutedWords: number;
  exclamationCount: number;
  questionCount: number;
  longestExclamationRun: number;
}

export interface NormalizedText {
  /** Input as analysed: coerced to string, control characters removed, truncated. */
  original: string;
  /** Folded tokens; "." ends a sentence and "," a clause. */
  tokens: string[];
  /** tokens joined by single spaces: what token-level patterns run on. */
  text: string;
  /** text, plus a reading with elongations squeezed to one letter ("nuuul" → "nul") when it differs. */
  variants: string[];
  emojis: string[];
  /** Human-readable notes on rewrites ("jveux → je veux", "c0nnard → connard"). */
  rewrites: string[];
  stats: TextStats;
}

const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const INVISIBLE_CHARS = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const EMOJI = /\p{Extended_Pictographic}/gu;
const EMOTICON = /(?<![\p{L}\p{N}])(?::-?\)|:-?\(|:'\(|:-?D|xD|<3|;-?\)|:-?\/(?=\s|$)|:-?p)(?![\p{L}\p{N}])/giu;
// "." only ends a sentence when no letter/digit follows, so "12.50" and "site.fr" stay whole.
const TOKEN = /[\p{L}\p{N}]+|[.!?;…]+(?![\p{L}\p{N}])|\n+|[,:()«»"“”\u2013\u2014]/gu;

/** Coerces anything to analysable text without throwing. */
export function sanitize(raw: unknown): { text: string; originalLength: number; truncated: boolean } {
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : raw == null ? '' : String(raw);
  } catch {
    text = '';
  }
  const originalLength = text.length;
  const truncated = originalLength > MAX_ANALYSIS_CHARS;
  if (truncated) text = text.slice(0, MAX_ANALYSIS_CHARS);
  text = text
    .replace(LONE_SURROGATES, '')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(CONTROL_CHARS, ' ')
    .replace(INVISIBLE_CHARS, '');
  return { text, originalLength, truncated };
}

/** Lowercase, accents folded ("Évidemment" → "evidemment"), typographic apostrophes unified. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[’‘`´ʼ]/g, "'");
}

export function computeStats(text: string, originalLength: number, truncated: boolean): TextStats {
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  const runs = text.match(/[!！]+/g) ?? [];
  return {
    originalLength,
    truncated,
    letterCount: text.match(/\p{L}/gu)?.length ?? 0,
    capitalRatio: upper + lower === 0 ? 0 : upper / (upper + lower),
    shoutedWords: text.match(/(?<!\p{L})\p{Lu}{4,}(?!\p{L})/gu)?.length ?? 0,
    exclamationCount: runs.reduce((n, r) => n + r.length, 0),
    questionCount: text.match(/[?？]/g)?.length ?? 0,
    longestExclamationRun: runs.reduce((n, r) => Math.max(n, r.length), 0),
  };
}

const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': '[il]', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '!': '[il]', '|': '[il]',
};

/** Decodes a masked swear word ("c0nnard", "f*ck", "encul*", "c.o.n"), or null. */
export function decodeObfuscated(chunk: string): string | null {
  let core = chunk.replace(/^[^\p{L}\p{N}*@$]+|[^\p{L}\p{N}*]+$/gu, '');
  if (core.startsWith('*') && core.endsWith('*')) core = core.replace(/^\*+|\*+$/g, ''); // *emphasis*
  if (core.length < 3 || core.length > 24 || !/\p{L}/u.test(core) || /^\p{L}+$/u.test(core)) return null;
  if (!/^[\p{L}0-9*#@$!|.\-_]+$/u.test(core)) return null;
  const joined = core.replace(/[.\-_]/g, '');
  if (/^\p{L}+$/u.test(joined)) return OBFUSCATION_TARGETS.includes(joined) ? joined : null;
  const literal = joined.match(/\p{L}/gu)?.length ?? 0;
  const stars = joined.match(/[*#]/g)?.length ?? 0;
  if (literal < 2 && !(literal === 1 && stars >= 2 && /^\p{L}/u.test(joined))) return null;
  let source = '';
  for (const run of joined.match(/[*#]+|./gu) ?? []) {
    if (run[0] === '*' || run[0] === '#') {
      const atEnd = joined.endsWith(run) && source.length > 0;
      source += atEnd ? `[a-z]{0,${run.length + 2}}` : `[a-z]{${Math.max(1, run.length - 1)},${run.length + 1}}`;
    } else if (/\p{L}/u.test(run)) source += run;
    else if (LEET[run]) source += LEET[run];
    else return null;
  }
  const re = new RegExp(`^${source}$`);
  const found = OBFUSCATION_TARGETS.filter((w) => re.test(w));
  found.sort((a, b) => Math.abs(a.length - joined.length) - Math.abs(b.length - joined.length));
  return found[0] ?? null;
}

function decodeChunks(text: string, rewrites: string[]): string {
  // Match whole chunks, then test: a pattern like /\S*[*0-9]\S*/ backtracks quadratically on long runs.
  const seen = new Map<string, string | null>(); // long messages repeat the same chunks
  return text.replace(/\S+/g, (chunk) => {
    if (chunk.length > 24 || !/[*#@$0-9!|.\-_]/.test(chunk)) return chunk;
    // An elided article stays outside the masked word: "d'enf0irés" → "d'" + "enf0irés".
    const [, elision = '', word = chunk] = /^(\p{L}{1,2}')?(.*)$/su.exec(chunk) ?? [];
    const decoded = seen.get(word) ?? decodeObfuscated(word);
    seen.set(word, decoded);
    if (!decoded) return chunk;
    rewrites.push(`${chunk} → ${elision}${decoded}`);
    return ` ${elision}${decoded} `;
  });
}

/** "can't" → "can not", "isn't" → "is not": negation becomes one visible token. */
function expandEnglishNegation(text: string): string {
  return text
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b/g, 'can not')
    .replace(/\bain't\b/g, 'is not')
    .replace(/\b([a-z]+)n't\b/g, '$1 not');
}

function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const t = /^[.!?;…\n]/.test(raw) ? '.' : /^[\p{L}\p{N}]/u.test(raw) ? raw.slice(0, MAX_TOKEN_CHARS) : ',';
    const last = out[out.length - 1];
    if ((t === '.' || t === ',') && (last === undefined || last === '.' || last === ',')) {
      if (t === '.' && last === ',') out[out.length - 1] = '.';
      continue;
    }
    out.push(t);
  }
  return out;
}

/** "f u c k", "c o n n a r d": letters spaced out to dodge filters. */
function joinSpacedLetters(tokens: string[], rewrites: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && /^\p{L}$/u.test(tokens[j] ?? '')) j++;
    if (j - i >= 3) {
      // A run of single letters is either one spelled-out word or left as it is (never rescanned).
      const word = j - i <= 24 ? tokens.slice(i, j).join('') : '';
      if (OBFUSCATION_TARGETS.includes(word)) {
        rewrites.push(`${tokens.slice(i, j).join(' ')} → ${word}`);
        out.push(word);
      } else out.push(...tokens.slice(i, j));
      i = j;
    } else {
      out.push(tokens[i] ?? '');
      i++;
    }
  }
  return out;
}

function textSpeak(token: string): string | undefined {
  if (Object.hasOwn(TEXTSPEAK_FR, token)) return TEXTSPEAK_FR[token];
  if (Object.hasOwn(TEXTSPEAK_EN, token)) return TEXTSPEAK_EN[token];
  return undefined;
}

function expandTextSpeak(tokens: string[], rewrites: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const prev = tokens[i - 1] ?? '';
    const next = tokens[i + 1] ?? '';
    const prevWord = prev === ',' ? tokens[i - 2] ?? '' : prev;
    // "vitamine c", "a, b, c": a letter used as a label is never text-speak.
    const labelContext = LETTER_LABEL_PREVIOUS.has(prevWord) || /^\p{L}$/u.test(prevWord) || /^\p{L}$/u.test(next);
    let expansion: string | undefined;
    if (t === 'c') expansion = !labelContext && FR_C_SAFE_NEXT.has(next) ? 'c est' : undefined;
    else if (t === 'g') expansion = !labelContext && FR_G_SAFE_NEXT.has(next) ? 'j ai' : undefined;
    else if (t === 'v') expansion = prev === 'je' || prev === 'j' ? 'vais' : undefined;
    else if (t === 'r') expansion = ['u', 'you'].includes(next) || ['u', 'you', 'we', 'they'].includes(prev) ? 'are' : undefined;
    else expansion = textSpeak(t);
    if (expansion === undefined) {
      out.push(t);
      continue;
    }
    if (rewrites.length < 30) rewrites.push(`${t} → ${expansion}`);
    out.push(...expansion.split(' '));
  }
  return out;
}

function tokensOf(folded: string, rewrites: string[]): string[] {
  return expandTextSpeak(joinSpacedLetters(tokenize(folded), rewrites), rewrites);
}

export function normalizeMessage(raw: unknown): NormalizedText {
  const { text: original, originalLength, truncated } = sanitize(raw);
  const rewrites: string[] = [];
  const folded = decodeChunks(expandEnglishNegation(foldText(original)), rewrites);
  const elongated = /(\p{L})\1{2,}/u.test(folded);
  const tokens = tokensOf(elongated ? folded.replace(/(\p{L})\1{2,}/gu, '$1$1') : folded, rewrites);
  const text = tokens.join(' ');
  const variants = [text];
  if (elongated) {
    const squeezed = tokensOf(folded.replace(/(\p{L})\1{2,}/gu, '$1'), []).join(' ');
    if (squeezed !== text) variants.push(squeezed);
  }
  const emojis = [...(original.match(EMOJI) ?? []), ...(original.match(EMOTICON) ?? []).map((e) => e.toLowerCase())];
  return { original, tokens, text, variants, emojis, rewrites: [...new Set(rewrites)], stats: computeStats(original, originalLength, truncated) };
}
