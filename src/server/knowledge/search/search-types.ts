// Shapes shared by the knowledge search: what callers ask for and what they get back.

export type SearchLanguage = 'fr' | 'en';
export type SearchHitKind = 'article' | 'resolved_answer';
export const SEARCH_HIT_KINDS: readonly SearchHitKind[] = ['article', 'resolved_answer'];

export type SearchOptions = {
  text: string;
  /** The question's language, when triage knows it: stems with it and keeps only results in it. Unknown searches both. */
  language?: SearchLanguage | undefined;
  /** 10 by default, at most 50. */
  limit?: number | undefined;
  /** Both kinds by default. Level-1 answers to customers may prefer articles only (see README). */
  kinds?: readonly SearchHitKind[] | undefined;
};

export type SearchHit = {
  kind: SearchHitKind;
  /** Article id, or the conversation id of a resolved answer. */
  id: string;
  /** Article title, or the conversation's subject (else the start of the customer's question). */
  title: string;
  language: string | null;
  /** 0..1: see `scoreOf` in search-knowledge.ts. */
  score: number;
  /** The passage that matched best, plain text (no markup: the text comes from customers and staff). */
  snippet: string;
  /** What an answer may be grounded on: the article body, or the staff's reply; cut at 3,000 characters. */
  content: string;
  /** For a resolved answer: the customer's question it answered. */
  question?: string;
  signals: {
    /** Share of the question's terms found anywhere in the document (misspelled ones count by similarity). */
    coverage: number;
    /** Same, in the title (article) or the customer's question (resolved answer) only. */
    titleCoverage: number;
  };
};

/**
 * One meaningful word of the question, with its stem in each language it is looked up in
 * (null where that language drops it as a stop word). `alternatives` are spellings found in the
 * knowledge base for a word it does not contain (typos), each worth its trigram similarity.
 */
export type QueryTerm = {
  word: string;
  fr: string | null;
  en: string | null;
  alternatives: { word: string; fr: string | null; en: string | null; similarity: number }[];
};

/** Which stemmed index a lookup uses: one language when known, both otherwise. */
export type LanguageMode = SearchLanguage | 'both';
