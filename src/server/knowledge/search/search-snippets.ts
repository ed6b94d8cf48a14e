// The passage of each hit that best matches the question: ts_headline, which parses the original
// (accented) text with the same configuration as the index, so "remboursé" matches the stem "rembours".
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { configFor } from './indexed-expressions.ts';
import { orQueryText } from './query-terms.ts';
import { selectRows } from './select-rows.ts';
import type { QueryTerm, SearchHit } from './search-types.ts';

/** No highlighting marks: snippets are plain text, rendered by callers who escape them. */
const HEADLINE_OPTIONS = 'MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … ", StartSel="", StopSel=""';

export async function withSnippets(db: Db, hits: SearchHit[], terms: readonly QueryTerm[]): Promise<SearchHit[]> {
  if (hits.length === 0) return hits;
  const configs = hits.map((hit) => configFor(hit.language));
  // A hit in a language none of whose stems were looked up (English article, French question) gets null: see excerpt().
  const queries = configs.map((config) => orQueryText(terms, config === 'relais_english' ? 'en' : 'fr') || null);
  const rows = await selectRows<{ ord: number; snippet: string | null }>(db, sql`
    SELECT h.ord::int AS ord, ts_headline(h.config::regconfig, h.content, h.query::tsquery, ${HEADLINE_OPTIONS}) AS snippet
    FROM unnest(${sql.param(hits.map((h) => h.content))}::text[], ${sql.param(configs)}::text[],
                ${sql.param(queries)}::text[]) WITH ORDINALITY AS h(content, config, query, ord)`);
  const snippets = new Map(rows.map((r) => [r.ord, r.snippet]));
  return hits.map((hit, i) => ({ ...hit, snippet: cleanSnippet(snippets.get(i + 1)) ?? excerpt(hit.content) }));
}

function cleanSnippet(snippet: string | null | undefined): string | null {
  const text = snippet?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

/** The opening words, cut at a word boundary: the fallback when nothing matched. */
export function excerpt(text: string, maxChars = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars / 2 ? cut.slice(0, space) : cut}…`;
}
