// Small toolkit shared by the detectors. Patterns run over the normalized text:
// folded tokens joined by single spaces, where "." ends a sentence and "," a clause.
// Writing patterns over tokens (not raw text) keeps them short and accent/case-proof.

export interface LexPattern {
  id: string;
  re: RegExp;
  /** False when the pattern already contains its own negation ("no reason to live"). */
  negatable: boolean;
}

export interface PatternHit {
  id: string;
  match: string;
  /** Character offset of the match in the text it was found in. */
  start: number;
  text: string;
  negatable: boolean;
}

/** "je" or its elided form "j". */
export const JE = '(?:je|j)';
/** Up to n filler words inside one clause (never crosses "." or ","). */
export const gap = (n: number): string => `(?:[^\\s.,]+ ){0,${n}}`;
/** End of a clause: the next token is a boundary or the text ends. */
export const END = '(?= [.,]|$)';

/** Compiles a token-level pattern; the body must match whole tokens. */
export function pattern(id: string, body: string, negatable = true): LexPattern {
  return { id, re: new RegExp(`(?<=^| )(?:${body})(?= |$)`, 'g'), negatable };
}

export function patterns(entries: ReadonlyArray<readonly [string, string]>, negatable = true): LexPattern[] {
  return entries.map(([id, body]) => pattern(id, body, negatable));
}

export function findHits(text: string, list: readonly LexPattern[]): PatternHit[] {
  const hits: PatternHit[] = [];
  if (!text) return hits;
  for (const p of list) {
    for (const m of text.matchAll(p.re)) {
      hits.push({ id: p.id, match: m[0], start: m.index ?? 0, text, negatable: p.negatable });
    }
  }
  return hits;
}

/** Replaces every match by a clause boundary, so later patterns cannot see it. */
export function maskHits(text: string, list: readonly LexPattern[]): { text: string; hits: PatternHit[] } {
  const hits: PatternHit[] = [];
  let out = text;
  for (const p of list) {
    out = out.replace(p.re, (match: string, ...rest: unknown[]) => {
      const offset = rest.find((r) => typeof r === 'number') ?? 0;
      hits.push({ id: p.id, match, start: offset as number, text, negatable: p.negatable });
      return ',';
    });
  }
  return { text: out, hits };
}

/** Words that open a new clause: a negation before them belongs to another clause ("if it's not here, ..."). */
const CLAUSE_OPENERS = new Set([
  'si', 'if', 'sinon', 'otherwise', 'unless', 'parce', 'because', 'car', 'mais', 'but', 'quand', 'when',
  'lorsque', 'puisque', 'since', 'alors', 'then', 'donc', 'so', 'until', 'jusqu', 'tant',
]);

/** Up to n tokens just before a position, stopping at a sentence or clause boundary. */
export function clauseTokensBefore(text: string, index: number, n: number): string[] {
  const before = text.slice(0, index).trimEnd().split(' ');
  const out: string[] = [];
  for (let i = before.length - 1; i >= 0 && out.length < n; i--) {
    const token = before[i] ?? '';
    if (token === '.' || token === ',' || token === '' || CLAUSE_OPENERS.has(token)) break;
    out.unshift(token);
  }
  return out;
}

/** Tokens of the sentence before a position (stops only at "."). */
export function sentenceTokensBefore(text: string, index: number, n: number): string[] {
  const before = text.slice(0, index).trimEnd().split(' ');
  const out: string[] = [];
  for (let i = before.length - 1; i >= 0 && out.length < n; i--) {
    const token = before[i] ?? '';
    if (token === '.' || token === '') break;
    out.unshift(token);
  }
  return out;
}

const SUBJECTS = new Set([
  'je', 'j', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'quelqu', 'i', 'you', 'he', 'she', 'we',
  'they', 'someone', 'somebody', 'people', 'ill',
]);

export const NEGATORS = new Set([
  'ne', 'n', 'pas', 'jamais', 'aucun', 'aucune', 'nullement', 'guere', 'sans', 'ni',
  'not', 'never', 'no', 'without', 'nor', 'hardly', 'nobody', 'nothing',
]);

/**
 * A hit is negated when a negator sits among the few clause words before it or,
 * with `inside`, within the match itself ("je ne vais pas résilier"). Lexicons of
 * negative statements ("ne fonctionne pas", "personne ne répond") pass inside=false.
 */
export function isNegated(hit: PatternHit, window = 3, inside = true): boolean {
  if (!hit.negatable) return false;
  const within = inside ? hit.match.split(' ') : [];
  // A match that starts with its own subject ("someone will get hurt", "je vais...") holds
  // its own negation; a "not" before the subject belongs to another clause ("if it's not here").
  const startsWithSubject = SUBJECTS.has(within[0] ?? hit.match.split(' ', 1)[0] ?? '');
  let before = startsWithSubject ? [] : clauseTokensBefore(hit.text, hit.start, window);
  // "je n'ai jamais demandé": the "ne" before a match that opens with a negator is the same negation.
  if (NEGATORS.has(hit.match.split(' ', 1)[0] ?? '')) before = before.filter((t) => t !== 'ne' && t !== 'n');
  const after = hit.text.slice(hit.start + hit.match.length + 1).split(' ', 1)[0];
  // French spoken negation drops "ne" and puts "pas" after the verb: "je vous tue pas".
  return [...before, ...within].some((t) => NEGATORS.has(t)) || after === 'pas' || after === 'jamais';
}

/** Optimal-string-alignment distance, abandoned once it exceeds max (keeps fuzzy lookups cheap). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const prev = rows[i - 1] as number[];
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
      }
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (i > 0 && rowMin > max) return max + 1;
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] ?? max + 1;
}

/** Quotes a hit for a reason string, bounded so reasons stay readable. */
export function quote(s: string): string {
  const t = s.trim();
  return `"${t.length > 60 ? `${t.slice(0, 57)}...` : t}"`;
}
