// Published articles of one organization that contain the question's terms, best covered first.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { articlesContainingTerm, coverageOf, lexemesOf } from './indexed-expressions.ts';
import { termRowsTable, type TermRow } from './query-terms.ts';
import { selectRows } from './select-rows.ts';
import type { LanguageMode } from './search-types.ts';

export type ArticleCandidate = {
  id: string;
  title: string;
  language: string;
  content: string;
  coverage: number;
  titleCoverage: number;
};

/**
 * Coverage comes from one index probe per term (which articles contain it), never from re-stemming
 * every matching body: ranking with ts_rank over an expression index re-runs to_tsvector on each
 * match, which is what gets slow when a common word matches thousands of documents.
 */
export async function findArticleCandidates(
  db: Db,
  orgId: string,
  rows: readonly TermRow[],
  termCount: number,
  mode: LanguageMode,
  language: string | undefined,
  limit: number,
): Promise<ArticleCandidate[]> {
  const languageFilter = language ? sql`AND a.language = ${language}` : sql``;
  return selectRows<ArticleCandidate>(db, sql`
    WITH postings AS (
      SELECT a.id, t.idx, max(t.credit) AS credit
      FROM ${termRowsTable(rows)}
      CROSS JOIN LATERAL ${articlesContainingTerm(mode)} AS a
      WHERE a.org_id = ${orgId} ${languageFilter}
      GROUP BY a.id, t.idx
    ), ranked AS (
      SELECT p.id, sum(p.credit)::float8 / ${termCount}::float8 AS coverage
      FROM postings p
      GROUP BY p.id
      ORDER BY coverage DESC, p.id
      LIMIT ${limit}
    )
    SELECT a.id, a.title, a.language, left(a.body, 3000) AS content, r.coverage,
           ${coverageOf('title_lexemes', termRowsTable(rows), termCount)} AS "titleCoverage"
    FROM ranked r
    JOIN articles a ON a.id = r.id AND a.org_id = ${orgId}
    CROSS JOIN LATERAL ${lexemesOf(sql`a.title`)} AS title_lexemes`);
}
