// The indexed expressions of migration 0002_search.sql, written once. PostgreSQL only uses an
// expression index when the query repeats its expression and its WHERE predicate exactly, so every
// query goes through these fragments. Aliases are fixed: `a` articles, `m` messages, `t` a term row
// whose `fr` / `en` columns hold plain stems (letters and digits, checked in query-terms.ts).
import { sql, type SQL } from 'drizzle-orm';
import type { LanguageMode } from './search-types.ts';

/** Matches articles_search_fr_idx / articles_search_en_idx (both partial on published). */
const PUBLISHED_ARTICLE = sql`a.status = 'published'`;
const ARTICLE_FR = sql`to_tsvector('relais_french'::regconfig, a.title || ' ' || a.body)`;
const ARTICLE_EN = sql`to_tsvector('relais_english'::regconfig, a.title || ' ' || a.body)`;

/** Matches messages_search_fr_idx / messages_search_en_idx: customers' questions and staff replies. */
const SEARCHABLE_MESSAGE = sql`m.author_kind IN ('customer', 'agent', 'expert')`;
const MESSAGE_FR = sql`to_tsvector('relais_french'::regconfig, m.body)`;
const MESSAGE_EN = sql`to_tsvector('relais_english'::regconfig, m.body)`;

/**
 * The rows of `table` containing the stem(s) of term row `t`, as a subquery to filter by tenant outside.
 * Shaped so that the stemmed GIN index is the only way in, even with no table statistics (PGlite has no
 * autovacuum to gather them): one SELECT per language rather than an OR, and OFFSET 0 so the tenant filter
 * is not pushed inside, where a btree on org_id would tempt the planner into re-stemming every document.
 * The GIN index has no org_id anyway: the heap rows it points to are read either way.
 */
function containing(mode: LanguageMode, columns: SQL, from: SQL, where: SQL, fr: SQL, en: SQL): SQL {
  const french = sql`SELECT ${columns} FROM ${from} WHERE ${where} AND ${fr} @@ t.fr::tsquery`;
  const english = sql`SELECT ${columns} FROM ${from} WHERE ${where} AND ${en} @@ t.en::tsquery`;
  if (mode === 'fr') return sql`(${french} OFFSET 0)`;
  if (mode === 'en') return sql`(${english} OFFSET 0)`;
  // Both: when the two stems are equal ("train"), the French lookup already found nearly every row.
  const englishIfDifferent = sql`SELECT ${columns} FROM ${from} WHERE t.en <> t.fr AND ${where} AND ${en} @@ t.en::tsquery`;
  return sql`(${french} UNION ALL ${englishIfDifferent} OFFSET 0)`;
}

/** Published articles containing term `t`: columns id, org_id, language. */
export const articlesContainingTerm = (mode: LanguageMode) =>
  containing(mode, sql`a.id, a.org_id, a.language`, sql`articles a`, PUBLISHED_ARTICLE, ARTICLE_FR, ARTICLE_EN);
/** Searchable messages containing term `t`: columns conversation_id, org_id. */
export const messagesContainingTerm = (mode: LanguageMode) =>
  containing(mode, sql`m.conversation_id, m.org_id`, sql`messages m`, SEARCHABLE_MESSAGE, MESSAGE_FR, MESSAGE_EN);

/**
 * The French and English lexemes of a text, as a LATERAL subquery with columns `fr` and `en`: recomputed for
 * a few candidates only, so no index is needed. OFFSET 0 makes it run once per row, not once per term.
 */
export const lexemesOf = (text: SQL) => sql`(
  SELECT tsvector_to_array(to_tsvector('relais_french'::regconfig, ${text})) AS fr,
         tsvector_to_array(to_tsvector('relais_english'::regconfig, ${text})) AS en
  OFFSET 0
)`;

/** Share of the terms among lexeme arrays from lexemesOf(): each term counts once, by its best spelling. */
export function coverageOf(lexemes: string, termsTable: SQL, termCount: number): SQL {
  const alias = sql.identifier(lexemes);
  return sql`(
    SELECT coalesce(sum(best.credit), 0)::float8 / ${termCount}::float8
    FROM (
      SELECT max(t.credit) AS credit FROM ${termsTable}
      WHERE t.fr = ANY(${alias}.fr) OR t.en = ANY(${alias}.en)
      GROUP BY t.idx
    ) AS best
  )`;
}

/** The text search configuration of a stored language, for ts_headline. */
export const configFor = (language: string | null): 'relais_french' | 'relais_english' =>
  language === 'en' ? 'relais_english' : 'relais_french';
