// Knowledge search over published articles and past resolved answers, French and English, one tenant.
//
// How a question is searched (README.md in this folder explains the choices):
//  1. its words are stemmed by PostgreSQL in French and/or English, stop words dropped;
//  2. a word no published article contains gets its closest spelling from their vocabulary (pg_trgm);
//  3. each term (and spelling) is looked up in the stemmed GIN indexes; a document's coverage is the
//     share of the question's terms it contains, a corrected spelling counting by its similarity;
//  4. score = 0.6 × coverage + 0.4 × title coverage (article title, or the customer's question).
import type { Db } from '../../db/client.ts';
import { analyzeQueryTerms, termRows } from './query-terms.ts';
import { findArticleCandidates, type ArticleCandidate } from './search-articles.ts';
import { findResolvedAnswerCandidates, type ResolvedAnswerCandidate } from './search-resolved-answers.ts';
import { excerpt, withSnippets } from './search-snippets.ts';
import { SEARCH_HIT_KINDS, type LanguageMode, type SearchHit, type SearchOptions } from './search-types.ts';
import { addSpellingAlternatives } from './spelling-correction.ts';

export type { SearchHit, SearchHitKind, SearchLanguage, SearchOptions } from './search-types.ts';
export { retrievalStrength, type RetrievalStrength } from './retrieval-strength.ts';

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;
/** Candidates kept per kind before the title re-scoring: a deep-enough pool for it to reorder. */
const MIN_POOL = 30;

/**
 * A weighted blend rather than reciprocal-rank fusion: RRF only orders, so its best hit always looks
 * strong, even for a question nothing answers; a share of the question's own terms is an absolute
 * measure that retrievalStrength() can put a threshold on. Titles and past questions weigh 0.4 because
 * a document whose title states the question is about it, not merely mentioning it.
 */
export function scoreOf(signals: { coverage: number; titleCoverage: number }): number {
  return round(0.6 * signals.coverage + 0.4 * signals.titleCoverage);
}

export async function searchKnowledge(db: Db, orgId: string, options: SearchOptions): Promise<SearchHit[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
  const kinds = new Set(options.kinds ?? SEARCH_HIT_KINDS);
  // Anything but 'fr' or 'en' (an untyped caller) is treated as unknown rather than as a filter nothing matches.
  const language = options.language === 'fr' || options.language === 'en' ? options.language : undefined;
  const mode: LanguageMode = language ?? 'both';
  if (kinds.size === 0 || typeof options.text !== 'string' || options.text.trim() === '') return [];

  const terms = await analyzeQueryTerms(db, options.text, mode);
  if (terms.length === 0) return [];
  await addSpellingAlternatives(db, orgId, terms, mode, language);
  const rows = termRows(terms);
  const pool = Math.max(limit * 3, MIN_POOL);
  const [articles, answers] = await Promise.all([
    kinds.has('article') ? findArticleCandidates(db, orgId, rows, terms.length, mode, language, pool) : [],
    kinds.has('resolved_answer') ? findResolvedAnswerCandidates(db, orgId, rows, terms.length, mode, language, pool) : [],
  ]);
  const hits = [...articles.map(articleHit), ...answers.map(resolvedAnswerHit)].sort(bestFirst).slice(0, limit);
  return withSnippets(db, hits, terms);
}

function articleHit(a: ArticleCandidate): SearchHit {
  const signals = { coverage: round(a.coverage), titleCoverage: round(a.titleCoverage) };
  return {
    kind: 'article', id: a.id, title: a.title, language: a.language, score: scoreOf(signals),
    snippet: '', content: a.content, signals,
  };
}

function resolvedAnswerHit(c: ResolvedAnswerCandidate): SearchHit {
  const signals = { coverage: round(c.coverage), titleCoverage: round(c.titleCoverage) };
  return {
    kind: 'resolved_answer', id: c.id, title: c.subject?.trim() || excerpt(c.question, 80), language: c.language,
    score: scoreOf(signals), snippet: '', content: c.content, question: c.question, signals,
  };
}

/** Total order, so both engines return the same list: score, coverage, articles first, then id. */
function bestFirst(a: SearchHit, b: SearchHit): number {
  return b.score - a.score || b.signals.coverage - a.signals.coverage
    || (a.kind === b.kind ? 0 : a.kind === 'article' ? -1 : 1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Four decimals: float sums may differ in the last bits between builds; the ranking must not. */
const round = (x: number) => Math.round(x * 1e4) / 1e4;
