// Typo tolerance: a word the published articles do not contain ("rembourssement", "anulation", "retar")
// is matched by trigram similarity (pg_trgm) against the vocabulary of those articles (the
// knowledge_search_words table, kept by a trigger: see migration 0002_search.sql), and the closest word
// is added as an alternative spelling worth its similarity. Stemmed search then finds that spelling in
// articles AND in past answers. Correctly spelled questions only pay for one index probe per word.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { articlesContainingTerm } from './indexed-expressions.ts';
import { selectRows } from './select-rows.ts';
import { stemsFor } from './query-terms.ts';
import type { LanguageMode, QueryTerm } from './search-types.ts';

/** Short words have too few trigrams: "bus" would "correct" to anything. */
const FUZZY_WORD = /^\p{L}{4,}$/u;
const MAX_CORRECTED_TERMS = 6;
/** pg_trgm's similarity() of whole words: keeps "retar"→"retard" (0.63), drops unrelated neighbours. */
const MIN_SIMILARITY = 0.5;

type Correction = { ord: number; word: string; similarity: number; fr: string | null; en: string | null };

export async function addSpellingAlternatives(
  db: Db,
  orgId: string,
  terms: QueryTerm[],
  mode: LanguageMode,
  language: string | undefined,
): Promise<void> {
  const eligible = terms.filter((t) => FUZZY_WORD.test(t.word)).slice(0, MAX_CORRECTED_TERMS);
  if (eligible.length === 0) return;
  const unknown = await termsMissingFromArticles(db, orgId, eligible, mode, language ? sql`AND a.language = ${language}` : sql``);
  if (unknown.length === 0) return;
  // `%` (similarity above pg_trgm's 0.3) is what knowledge_search_words_trgm_idx serves. OFFSET 0 keeps the
  // trigram index the way in (the tenant filter stays outside), with or without table statistics.
  const rows = await selectRows<Correction>(db, sql`
    SELECT t.ord::int AS ord, c.word, c.similarity,
           (tsvector_to_array(to_tsvector('relais_french'::regconfig, c.word)))[1] AS fr,
           (tsvector_to_array(to_tsvector('relais_english'::regconfig, c.word)))[1] AS en
    FROM unnest(${sql.param(unknown.map((t) => t.word))}::text[]) WITH ORDINALITY AS t(word, ord)
    CROSS JOIN LATERAL (SELECT lower(relais_unaccent(t.word)) AS folded) AS f
    CROSS JOIN LATERAL (
      SELECT v.word, similarity(v.word, f.folded)::float8 AS similarity
      FROM (SELECT v.org_id, v.word FROM knowledge_search_words v WHERE v.word % f.folded OFFSET 0) AS v
      WHERE v.org_id = ${orgId} AND v.word <> f.folded
      ORDER BY 2 DESC, 1
      LIMIT 1
    ) AS c
    WHERE c.similarity >= ${MIN_SIMILARITY}`);
  for (const row of rows) {
    const term = unknown[row.ord - 1];
    const stems = stemsFor(mode, row.fr, row.en);
    if (!term || (stems.fr === null && stems.en === null)) continue;
    if (stems.fr === term.fr && stems.en === term.en) continue;
    term.alternatives.push({ word: row.word, ...stems, similarity: Math.round(row.similarity * 1e4) / 1e4 });
  }
}

/** The terms no published article contains (in the searched language): one stemmed-index probe each. */
async function termsMissingFromArticles(db: Db, orgId: string, terms: QueryTerm[], mode: LanguageMode, languageFilter: SQL) {
  const rows = await selectRows<{ ord: number }>(db, sql`
    SELECT t.ord::int AS ord
    FROM unnest(${sql.param(terms.map((t) => t.fr))}::text[], ${sql.param(terms.map((t) => t.en))}::text[])
      WITH ORDINALITY AS t(fr, en, ord)
    WHERE NOT EXISTS (SELECT 1 FROM ${articlesContainingTerm(mode)} AS a WHERE a.org_id = ${orgId} ${languageFilter})`);
  return rows.map((r) => terms[r.ord - 1]!);
}
