// Crisis = a threat of self-harm or of violence. Missing one is the worst error, so
// the order is: repair misspelled key words, mask idioms (narrow list), match broad
// patterns, and only then drop a hit for a clear reason (negation, reported speech,
// figurative arena such as a court or social media).
import { FIGURATIVE_ARENAS_EN, SELF_HARM_EN, SELF_HARM_NEGATED_FORMS_EN, VIOLENCE_EN } from './crisis-lexicon-en.ts';
import { FIGURATIVE_ARENAS_FR, SELF_HARM_FR, SELF_HARM_NEGATED_FORMS_FR, VIOLENCE_FR } from './crisis-lexicon-fr.ts';
import { IDIOMS_EN, IDIOMS_FR } from './idiom-lexicon.ts';
import type { NormalizedText } from './normalize-text.ts';
import {
  editDistance, findHits, isNegated, maskHits, quote, sentenceTokensBefore, type LexPattern, type PatternHit,
} from './pattern-tools.ts';

export type CrisisKind = 'self_harm' | 'violence';

export interface CrisisResult {
  kind?: CrisisKind;
  /** A violent phrase aimed at a figurative arena ("au tribunal", "in the reviews"): an angry threat. */
  figurativeThreat: boolean;
  reasons: string[];
}

/** Long, distinctive key words only: a typo of "mourir" could be "courir", so short words are never fuzzed. */
const FUZZY_KEYWORDS = [
  'suicide', 'suicider', 'suicidaire', 'suicidal', 'myself', 'massacrer', 'egorger', 'poignarder',
  'flinguer', 'overdose', 'scarifier',
];

/** "suiside" → "suicide", "myslef" → "myself" (edit distance 1, or 2 from 9 letters). */
export function repairKeywords(text: string, notes: string[]): string {
  return text.replace(/[a-z]{5,13}/g, (word) => {
    if (FUZZY_KEYWORDS.includes(word) || word.startsWith('suicid')) return word;
    for (const key of FUZZY_KEYWORDS) {
      if (key[0] !== word[0] && !(key.startsWith('su') && word.startsWith('s'))) continue;
      const max = key.length >= 9 ? 2 : 1;
      if (editDistance(word, key, max) <= max) {
        notes.push(`read "${word}" as "${key}"`);
        return key;
      }
    }
    return word;
  });
}

const SELF_HARM: readonly LexPattern[] = [...SELF_HARM_FR, ...SELF_HARM_EN];
const SELF_HARM_FIXED: readonly LexPattern[] = [...SELF_HARM_NEGATED_FORMS_FR, ...SELF_HARM_NEGATED_FORMS_EN];
const VIOLENCE: readonly LexPattern[] = [...VIOLENCE_FR, ...VIOLENCE_EN];
const IDIOMS: readonly LexPattern[] = [...IDIOMS_FR, ...IDIOMS_EN];

// Someone else's words: "il m'a dit ...", "the song says ...". A first-person
// reporter ("j'ai dit que je vais me tuer") is NOT reported speech.
const REPORTING_VERB = /(?:^| )(?:dit|disait|ecrit|crie|hurle|chante|said|says|told|tells|yelled|shouted|wrote|screamed|sings|sang)(?: |$)/;
const THIRD_PERSON_SUBJECT = /(?:^| )(?:il|elle|ils|elles|on|he|she|they|someone|somebody|agent|conseiller|conseillere|vendeur|vendeuse|livreur|controleur|chauffeur|technicien|driver|employee|guy|man|woman|personnage|character)(?: |$)/;
const TITLE_MARKER = /(?:^| )(?:chanson|film|livre|serie|episode|album|roman|titre|intitule|song|movie|book|series|show|novel|titled|called|lyrics|paroles|game|jeu|citation|quote)(?: |$)/;

function isReportedSpeech(hit: PatternHit): boolean {
  const before = sentenceTokensBefore(hit.text, hit.start, 12).join(' ');
  const end = hit.text.indexOf(' . ', hit.start);
  const after = hit.text.slice(hit.start + hit.match.length, end === -1 ? undefined : end);
  const firstPerson = /^(?:je|j|i) /.test(before);
  if (TITLE_MARKER.test(before)) return true;
  if (firstPerson || !REPORTING_VERB.test(before)) return false;
  return THIRD_PERSON_SUBJECT.test(before) || TITLE_MARKER.test(after);
}

function isFigurative(hit: PatternHit): boolean {
  const end = hit.text.indexOf(' . ', hit.start);
  const sentence = hit.text.slice(hit.start, end === -1 ? undefined : end);
  return FIGURATIVE_ARENAS_FR.test(sentence) || FIGURATIVE_ARENAS_EN.test(sentence);
}

export function detectCrisis(normalized: NormalizedText): CrisisResult {
  const reasons: string[] = [];
  const notes: string[] = [];
  let selfHarm = false;
  let violence = false;
  let figurativeThreat = false;
  const seen = new Set<string>();
  const note = (r: string): void => {
    if (!seen.has(r)) {
      seen.add(r);
      reasons.push(r);
    }
  };
  for (const variant of normalized.variants) {
    const { text, hits: idioms } = maskHits(repairKeywords(variant, notes), IDIOMS);
    for (const i of idioms) note(`idiom, not a threat: ${i.id} ${quote(i.match)}`);
    const selfHits = [...findHits(text, SELF_HARM), ...findHits(text, SELF_HARM_FIXED)];
    for (const hit of selfHits) {
      if (isNegated(hit)) note(`negated: ${hit.id} ${quote(hit.match)}`);
      else if (isReportedSpeech(hit)) note(`reported speech: ${hit.id} ${quote(hit.match)}`);
      else {
        selfHarm = true;
        note(`self-harm: ${hit.id} ${quote(hit.match)}`);
      }
    }
    for (const hit of findHits(text, VIOLENCE)) {
      if (isNegated(hit)) note(`negated: ${hit.id} ${quote(hit.match)}`);
      else if (isReportedSpeech(hit)) note(`reported speech: ${hit.id} ${quote(hit.match)}`);
      else if (isFigurative(hit)) {
        figurativeThreat = true;
        note(`figurative threat (court, reviews, social media): ${hit.id} ${quote(hit.match)}`);
      } else {
        violence = true;
        note(`violence: ${hit.id} ${quote(hit.match)}`);
      }
    }
  }
  if (selfHarm || violence) for (const n of new Set(notes)) reasons.unshift(`spelling: ${n}`);
  // Self-harm first when both appear: the writer's own life is at stake.
  const kind: CrisisKind | undefined = selfHarm ? 'self_harm' : violence ? 'violence' : undefined;
  return { kind, figurativeThreat, reasons };
}
