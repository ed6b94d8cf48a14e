// Turns a customer's free text into the few terms worth looking up, stemmed by PostgreSQL itself
// (the same text search configurations as the indexes, so query and documents always agree).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { selectRows } from './select-rows.ts';
import type { LanguageMode, QueryTerm } from './search-types.ts';

/** Past this, a "question" is a pasted document: its opening says what it is about. */
const MAX_TEXT_CHARS = 5_000;
/** Enough for any real question; bounds the cost of every later step. */
export const MAX_TERMS = 24;
const MAX_WORDS_ANALYZED = 64;

/** Letters and digits only: this is also what makes a stem safe to cast to tsquery (no operators, no quotes). */
const WORD = /[\p{L}\p{N}]+/gu;
const PLAIN_LEXEME = /^[\p{L}\p{N}]{2,}$/u;
/**
 * Courtesy words of customer messages, compared without accents. No document is "about" them, yet each
 * one counted would lower every document's coverage of a polite question: stop words for this purpose.
 */
const COURTESY_WORDS = new Set([
  'bonjour', 'bonsoir', 'salut', 'merci', 'cordialement', 'madame', 'monsieur', 'svp', 'stp', 'bonne', 'journee',
  'soiree', 'voudrais', 'souhaiterais', 'aimerais', 'hello', 'hi', 'hey', 'thanks', 'thank', 'regards', 'dear', 'please',
]);
const withoutAccents = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');

export function candidateWords(text: string): string[] {
  const words = new Set<string>();
  for (const match of text.slice(0, MAX_TEXT_CHARS).normalize('NFC').matchAll(WORD)) {
    const word = match[0].toLowerCase();
    if (word.length >= 2 && !COURTESY_WORDS.has(withoutAccents(word))) words.add(word);
    if (words.size >= MAX_WORDS_ANALYZED) break;
  }
  return [...words];
}

/**
 * Stems each word in French and English and keeps the meaningful ones for `mode`.
 * With both languages, a word that is a stop word in either is dropped ("pour", "will"): in a
 * question of unknown language it is far more likely noise than the point of the question.
 */
export async function analyzeQueryTerms(db: Db, text: string, mode: LanguageMode): Promise<QueryTerm[]> {
  const words = candidateWords(text);
  if (words.length === 0) return [];
  const rows = await selectRows<{ word: string; fr: string | null; en: string | null }>(db, sql`
    SELECT t.word,
           (tsvector_to_array(to_tsvector('relais_french'::regconfig, t.word)))[1] AS fr,
           (tsvector_to_array(to_tsvector('relais_english'::regconfig, t.word)))[1] AS en
    FROM unnest(${sql.param(words)}::text[]) WITH ORDINALITY AS t(word, ord)
    ORDER BY t.ord`);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const term = { word: row.word, ...stemsFor(mode, row.fr, row.en), alternatives: [] };
    if (term.fr === null && term.en === null) continue;
    const key = `${term.fr}|${term.en}`;
    if (seen.has(key)) continue; // "rembourser" and "remboursement" are one term
    seen.add(key);
    terms.push(term);
    if (terms.length >= MAX_TERMS) break;
  }
  return terms;
}

/** The stems a term is looked up with in `mode`; both null when the term should be dropped. */
export function stemsFor(mode: LanguageMode, fr: string | null, en: string | null): { fr: string | null; en: string | null } {
  const plainFr = fr !== null && PLAIN_LEXEME.test(fr) ? fr : null;
  const plainEn = en !== null && PLAIN_LEXEME.test(en) ? en : null;
  if (mode === 'fr') return { fr: plainFr, en: null };
  if (mode === 'en') return { fr: null, en: plainEn };
  return plainFr !== null && plainEn !== null ? { fr: plainFr, en: plainEn } : { fr: null, en: null };
}

/** One row per spelling to look up: the term itself (worth 1) and its corrections (worth their similarity). */
export type TermRow = { idx: number; fr: string | null; en: string | null; credit: number };

export function termRows(terms: readonly QueryTerm[]): TermRow[] {
  return terms.flatMap((term, idx) => [
    { idx, fr: term.fr, en: term.en, credit: 1 },
    ...term.alternatives.map((alt) => ({ idx, fr: alt.fr, en: alt.en, credit: alt.similarity })),
  ]);
}

/** The rows as parallel arrays, bound as four parameters and zipped back with unnest() in SQL. */
export function termRowsTable(rows: readonly TermRow[]) {
  return sql`unnest(${sql.param(rows.map((r) => r.idx))}::int[], ${sql.param(rows.map((r) => r.fr))}::text[],
    ${sql.param(rows.map((r) => r.en))}::text[], ${sql.param(rows.map((r) => r.credit))}::float8[]) AS t(idx, fr, en, credit)`;
}

/** Every stem of `language` (with corrections) as one OR query, for ts_headline. Stems are plain words: see PLAIN_LEXEME. */
export function orQueryText(terms: readonly QueryTerm[], language: 'fr' | 'en'): string {
  const stems = new Set<string>();
  for (const term of terms) {
    for (const spelling of [term, ...term.alternatives]) {
      const stem = spelling[language];
      if (stem !== null && PLAIN_LEXEME.test(stem)) stems.add(stem);
    }
  }
  return [...stems].join(' | ');
}
