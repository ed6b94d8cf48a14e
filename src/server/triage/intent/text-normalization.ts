// Text normalization shared by training and prediction. It must stay
// deterministic: a stored model depends on producing the same tokens later.

/** Longer inputs are truncated: intent lives in the first lines, and it bounds latency. */
export const MAX_INPUT_CHARS = 2000;
/** Very long "words" (base64, URLs, unspaced scripts) are cut to bound n-gram counts. */
export const MAX_TOKEN_CHARS = 40;

const COMBINING_MARKS = /\p{M}+/gu;
// Letters and digits of any script form tokens; everything else separates them,
// so "j'ai" -> ["j", "ai"] and "l’horaire" -> ["l", "horaire"].
const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * Lowercase and fold accents ("Réservation" -> "reservation"); ligatures such as
 * "œ" are expanded so "cœur" matches "coeur".
 */
export function normalizeText(text: string): string {
  const input = typeof text === 'string' ? text : String(text ?? '');
  return input
    .slice(0, MAX_INPUT_CHARS)
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** Normalized word tokens, in order. */
export function tokenize(text: string): string[] {
  const tokens = normalizeText(text).match(TOKEN) ?? [];
  return tokens.map((t) => (t.length > MAX_TOKEN_CHARS ? t.slice(0, MAX_TOKEN_CHARS) : t));
}
