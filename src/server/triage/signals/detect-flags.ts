// Business flags routed next to severity: reputation risk, sales opportunity,
// answers needing confidential data, spam.
import { findPublicExposureThreats, severityRank, type Severity } from './detect-severity.ts';
import { boundRuns, findIdentifiers } from './detect-identifiers.ts';
import { CONFIDENTIAL_TOPICS, SALES_SIGNALS, SPAM_TERMS } from './flags-lexicon.ts';
import { normalizeMessage, type NormalizedText } from './normalize-text.ts';
import { findHits, isNegated, quote, type LexPattern } from './pattern-tools.ts';

export type Flag = 'reputation_risk' | 'sales_signal' | 'confidential' | 'spam';

export interface FlagInput {
  text: string | NormalizedText;
  channel: { type: string; isPublic: boolean };
  /** -1..1, from scoreSentiment. */
  sentiment: number;
  severity: Severity;
  audience?: { followers?: number };
}

export interface FlagOptions {
  /** Audience from which a negative public message is a reputation risk by itself. Default 1,000. */
  followersThreshold?: number;
  /** Sentiment below which a message counts as negative. Default -0.3. */
  negativeSentimentThreshold?: number;
}

export interface FlagResult {
  flags: Flag[];
  reasons: string[];
}

export const DEFAULT_FOLLOWERS_THRESHOLD = 1_000;
export const DEFAULT_NEGATIVE_SENTIMENT = -0.3;

const URL = /https?:\/\/\S+|www\.\S+|\b[a-z0-9-]+\.(?:com|net|org|io|xyz|top|biz|info|ru|cn|tk|ly|co|me|site|online|shop|club|win|bet|casino|fr|uk)\b(?:\/\S*)?/gi;
const SHORTENER = /\b(?:bit\.ly|tinyurl\.com|t\.co|goo\.gl|ow\.ly|is\.gd|cutt\.ly|rebrand\.ly|shorturl\.at|tiny\.cc)\b/i;

function hitsOf(normalized: NormalizedText, list: readonly LexPattern[]): string[] {
  const found = new Set<string>();
  for (const text of normalized.variants) {
    for (const hit of findHits(text, list)) if (!isNegated(hit, 2)) found.add(`${hit.id} ${quote(hit.match)}`);
  }
  return [...found];
}

/** Junk: long runs of one character, keyboard mashing, one token repeated over and over. */
function junkReasons(normalized: NormalizedText): string[] {
  const reasons: string[] = [];
  if (/([^\s!?.])\1{7,}/u.test(normalized.original)) reasons.push('long run of one character');
  const words = normalized.tokens.filter((t) => t !== '.' && t !== ',');
  const mashed = words.filter((w) => w.length >= 6 && /^[a-z]+$/.test(w) && !/[aeiouy]/.test(w)).length;
  if (mashed >= 2) reasons.push(`${mashed} unpronounceable words`);
  if (words.length >= 6) {
    const counts = new Map<string, number>();
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    const [top, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (n >= 5 && n / words.length > 0.4) reasons.push(`"${top}" repeated ${n} times`);
  }
  return reasons;
}

export function detectFlags(input: FlagInput, options: FlagOptions = {}): FlagResult {
  const normalized = typeof input.text === 'string' ? normalizeMessage(input.text) : input.text;
  const followersThreshold = options.followersThreshold ?? DEFAULT_FOLLOWERS_THRESHOLD;
  const negativeThreshold = options.negativeSentimentThreshold ?? DEFAULT_NEGATIVE_SENTIMENT;
  const flags: Flag[] = [];
  const reasons: string[] = [];

  // reputation_risk: public AND negative AND (large audience OR a threat to go public).
  const negative = input.sentiment < negativeThreshold || severityRank(input.severity) >= severityRank('angry');
  if (input.channel.isPublic && negative) {
    const followers = input.audience?.followers ?? 0;
    const exposure = findPublicExposureThreats(normalized);
    if (followers >= followersThreshold || exposure.length > 0) {
      flags.push('reputation_risk');
      reasons.push(
        `reputation_risk: negative (${input.severity}, sentiment ${input.sentiment}) on public ${input.channel.type}`,
        ...(followers >= followersThreshold ? [`reputation_risk: audience ${followers} ≥ ${followersThreshold}`] : []),
        ...exposure.map((e) => `reputation_risk: threat to go public ${e}`),
      );
    }
  }

  const sales = hitsOf(normalized, SALES_SIGNALS);
  if (sales.length > 0) {
    flags.push('sales_signal');
    reasons.push(...sales.map((s) => `sales_signal: ${s}`));
  }

  const topics = hitsOf(normalized, CONFIDENTIAL_TOPICS);
  const identifiers = findIdentifiers(normalized.original);
  if (topics.length > 0 || identifiers.length > 0) {
    flags.push('confidential');
    reasons.push(
      ...topics.map((t) => `confidential: topic ${t}`),
      ...identifiers.map((i) => `confidential: contains ${i.kind} ${i.masked}`),
    );
  }

  // spam: two points or more; one alone ("click here" in a genuine message) is not enough.
  const urls = boundRuns(normalized.original).match(URL) ?? [];
  const spamTerms = hitsOf(normalized, SPAM_TERMS);
  const junk = junkReasons(normalized);
  const spamEvidence: Array<[number, string]> = [
    ...spamTerms.map((t): [number, string] => [1, `offer ${t}`]),
    ...junk.map((j): [number, string] => [2, `junk: ${j}`]),
  ];
  if (urls.length >= 3) spamEvidence.push([2, `${urls.length} links`]);
  else if (urls.length > 0) spamEvidence.push([0.5, `${urls.length} link(s)`]);
  if (SHORTENER.test(normalized.original)) spamEvidence.push([1, 'link shortener']);
  const spamScore = spamEvidence.reduce((sum, [w]) => sum + w, 0);
  if (spamScore >= 2) {
    flags.push('spam');
    reasons.push(...spamEvidence.map(([, r]) => `spam: ${r}`));
  }
  return { flags, reasons };
}
