// Abuse = insults aimed at agents or the brand. Strong insults count wherever
// they are; milder ones ("idiots", "nuls", "useless") only when addressed to
// someone, so "formulaire débile" stays a complaint. A customer quoting an insult
// they received ("il m'a traité de connard") is not abusive.
import type { NormalizedText } from './normalize-text.ts';
import { clauseTokensBefore, findHits, isNegated, pattern, quote, type LexPattern } from './pattern-tools.ts';
import {
  ADJECTIVE_INSULTS, PROFANITY, STRONG_INSULTS_EN, STRONG_INSULTS_FR, TARGETED_INSULTS_EN, TARGETED_INSULTS_FR,
  VOCATIVE_PLURAL_INSULTS,
} from './profanity-lexicon.ts';

export interface AbuseResult {
  abusive: boolean;
  /** Number of swear words that insult nobody ("putain", "fucking"): an intensity cue for anger. */
  profanityCount: number;
  reasons: string[];
}

const alternation = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

const STRONG: LexPattern = pattern('strong-insult', alternation([...STRONG_INSULTS_FR, ...STRONG_INSULTS_EN]));
const TARGETED: LexPattern = pattern('targeted-insult', alternation([...TARGETED_INSULTS_FR, ...TARGETED_INSULTS_EN]));
const SWEARING: LexPattern = pattern('profanity', alternation(PROFANITY));

/** The writer reports an insult they received. */
const REPORTED_INSULT = /(?:^| )(?:traite|traitee|traites|traiter|insulte|insultee|appele|appelee|called|call|calling|said|dit|disait|told)(?: \S+){0,3}$/;
/** Words before a noun insult that address it at someone: "bande d'", "espèce de", "you", "vrais". */
const NOUN_ADDRESS = new Set([
  'bande', 'espece', 'sale', 'sales', 'pauvre', 'pauvres', 'gros', 'grosse', 'bravo', 'vrais', 'vrai', 'vraie',
  'vraies', 'tas', 'ramassis', 'etes', 'es', 'you', 'bunch', 'band', 'such', 'fucking', 'bloody', 'total',
  'complete', 'absolute', 'are', 're', 'tous', 'toutes', 'sont', 'que', 'quelle', 'quel', 'your', 'putains', 'putain',
]);
/** Adjectives need a direct address right before them. */
const ADJECTIVE_ADDRESS = /(?:^| )(?:vous etes|tu es|t es|you are|you re|you guys are|you people are|bande de|bande d|espece de|espece d|vous etes des|vous etes tous|you all are|y all are)(?: [^\s.,]+){0,2}$|(?:^| )(?:you|des|sales?|gros|grosses?|pauvres?|vrais?|vraies?|tas d|tas de|ramassis d|ramassis de|bunch of|band of|such|total|complete|absolute|fucking|bloody)$/;
const MAX_SENTIMENT_FOR_MILD_INSULT = 0.2;
const ADJECTIVE_USE_AFTER = new Set(['de', 'd', 'of', 'to', 'a', 'at', 'with']);

function isAddressed(word: string, before: string[]): boolean {
  if (ADJECTIVE_INSULTS.has(word)) return ADJECTIVE_ADDRESS.test(before.join(' '));
  return VOCATIVE_PLURAL_INSULTS.has(word) || before.some((t) => NOUN_ADDRESS.has(t));
}

/**
 * @param sentiment milder insults only count in a message that is not positive
 *   ("quelle bande de rigolos, j'adore votre pub" is banter).
 */
export function detectAbuse(normalized: NormalizedText, sentiment = 0): AbuseResult {
  const reasons = new Set<string>();
  let abusive = false;
  let profanityCount = 0;
  for (const text of normalized.variants) {
    for (const hit of findHits(text, [STRONG])) {
      if (REPORTED_INSULT.test(clauseTokensBefore(text, hit.start, 4).join(' '))) {
        reasons.add(`insult reported, not addressed: ${quote(hit.match)}`);
        continue;
      }
      abusive = true;
      reasons.add(`insult: ${quote(hit.match)}`);
    }
    for (const hit of findHits(text, [TARGETED])) {
      const before = clauseTokensBefore(text, hit.start, 4);
      const after = text.slice(hit.start + hit.match.length).trimStart().split(' ', 1)[0] ?? '';
      const nameCalling = before.includes('bande') || before.includes('espece');
      if (ADJECTIVE_USE_AFTER.has(after) && !nameCalling) continue; // "incapables de livrer": criticism, not a name
      if (isNegated(hit, 3) || REPORTED_INSULT.test(before.join(' '))) continue;
      if (!isAddressed(hit.match, before)) continue;
      if (sentiment > MAX_SENTIMENT_FOR_MILD_INSULT) {
        reasons.add(`banter in a positive message: ${quote(hit.match)}`);
        continue;
      }
      abusive = true;
      reasons.add(`insult aimed at someone: ${quote([...before.slice(-2), hit.match].join(' '))}`);
    }
    if (text === normalized.text) profanityCount = findHits(text, [SWEARING]).length;
  }
  if (profanityCount > 0) reasons.add(`${profanityCount} swear word(s)`);
  return { abusive, profanityCount, reasons: [...reasons] };
}
