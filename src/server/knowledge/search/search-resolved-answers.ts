// Past answers: conversations the team resolved or closed, found by their customer's question and the
// staff's replies, returned as (question, answer) pairs. Only agents' and experts' replies count as
// answers: bot replies and system notices are not validated knowledge.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { coverageOf, lexemesOf, messagesContainingTerm } from './indexed-expressions.ts';
import { termRowsTable, type TermRow } from './query-terms.ts';
import { selectRows } from './select-rows.ts';
import type { LanguageMode } from './search-types.ts';

export type ResolvedAnswerCandidate = {
  id: string;
  subject: string | null;
  language: string | null;
  question: string;
  content: string;
  coverage: number;
  titleCoverage: number;
};

/**
 * Lookups per term stop after this many messages. A word in a third of 100k conversations ("train")
 * would otherwise cost more to list than everything else together; its truncated list still places
 * candidates, and every candidate kept is then scored exactly.
 */
const MAX_MESSAGES_PER_TERM = 2_000;

/**
 * Same postings ranking as articles (see search-articles.ts), per conversation, to choose `limit`
 * candidates; then each candidate's coverage is recomputed exactly from its question and answers.
 */
export async function findResolvedAnswerCandidates(
  db: Db,
  orgId: string,
  rows: readonly TermRow[],
  termCount: number,
  mode: LanguageMode,
  language: string | undefined,
  limit: number,
): Promise<ResolvedAnswerCandidate[]> {
  const languageFilter = language ? sql`AND c.language = ${language}` : sql``;
  return selectRows<ResolvedAnswerCandidate>(db, sql`
    WITH postings AS (
      SELECT m.conversation_id AS id, t.idx, max(t.credit) AS credit
      FROM ${termRowsTable(rows)}
      CROSS JOIN LATERAL (
        SELECT m.conversation_id FROM ${messagesContainingTerm(mode)} AS m
        WHERE m.org_id = ${orgId}
        LIMIT ${MAX_MESSAGES_PER_TERM}
      ) AS m
      GROUP BY m.conversation_id, t.idx
    ), matched AS (
      SELECT p.id, sum(p.credit) AS credit FROM postings p GROUP BY p.id
    ), ranked AS (
      SELECT x.id
      FROM matched x
      -- A primary-key lookup per matched conversation, whatever the planner guesses without statistics.
      CROSS JOIN LATERAL (SELECT c.status, c.language FROM conversations c WHERE c.id = x.id AND c.org_id = ${orgId} OFFSET 0) AS c
      WHERE c.status IN ('resolved', 'closed') ${languageFilter}
      ORDER BY x.credit DESC, x.id
      LIMIT ${limit}
    ), pairs AS MATERIALIZED (
      SELECT r.id, c.subject, c.language,
        (SELECT string_agg(q.body, E'\n\n' ORDER BY q.created_at, q.id) FROM messages q
          WHERE q.conversation_id = r.id AND q.direction = 'inbound' AND q.author_kind = 'customer') AS question,
        (SELECT string_agg(s.body, E'\n\n' ORDER BY s.created_at, s.id) FROM messages s
          WHERE s.conversation_id = r.id AND s.direction = 'outbound' AND s.author_kind IN ('agent', 'expert')) AS answer
      FROM ranked r
      JOIN conversations c ON c.id = r.id
    )
    SELECT p.id, p.subject, p.language, left(coalesce(p.question, ''), 3000) AS question, left(p.answer, 3000) AS content,
           ${coverageOf('all_lexemes', termRowsTable(rows), termCount)} AS coverage,
           ${coverageOf('question_lexemes', termRowsTable(rows), termCount)} AS "titleCoverage"
    FROM pairs p
    CROSS JOIN LATERAL ${lexemesOf(sql`coalesce(p.question, '') || E'\n\n' || p.answer`)} AS all_lexemes
    CROSS JOIN LATERAL ${lexemesOf(sql`coalesce(p.question, '')`)} AS question_lexemes
    WHERE p.answer IS NOT NULL`);
}
