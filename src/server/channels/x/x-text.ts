// X counts a post's length by weight, not characters: 280 where most scripts weigh 1, CJK and emoji weigh 2,
// and any link weighs 23 (it becomes a t.co link). A longer public reply becomes a short numbered thread.
export const POST_MAX_WEIGHT = 280;
/** Beyond this, a reply is refused rather than cut: better a visible failure than a half-said public answer. */
export const THREAD_MAX_POSTS = 4;
export const DM_MAX_CHARS = 10_000;

const LINK = /https?:\/\/\S+/g;
const LINK_WEIGHT = 23;
// Ranges of weight 1 in twitter-text's configuration (v3); everything else counts 2.
const light = (cp: number) => cp <= 0x10ff || (cp >= 0x2000 && cp <= 0x200d) || (cp >= 0x2010 && cp <= 0x201f) || (cp >= 0x2032 && cp <= 0x2037);

export function postWeight(text: string): number {
  let weight = 0;
  const rest = text.normalize('NFC').replace(LINK, () => {
    weight += LINK_WEIGHT;
    return '';
  });
  for (const ch of rest) weight += light(ch.codePointAt(0)!) ? 1 : 2;
  return weight;
}

/** Cuts a word heavier than a whole post (a run of CJK has no spaces) into pieces that fit. */
function pieces(word: string, budget: number): string[] {
  if (postWeight(word) <= budget) return [word];
  const out: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (postWeight(piece + ch) > budget) {
      out.push(piece);
      piece = '';
    }
    piece += ch;
  }
  return piece ? [...out, piece] : out;
}

/** The posts of a reply: one if it fits, else a thread numbered " (1/3)"; null when it would take too many posts. */
export function threadPosts(text: string, maxPosts = THREAD_MAX_POSTS): string[] | null {
  const body = text.trim().replace(/[ \t]+/g, ' ');
  if (postWeight(body) <= POST_MAX_WEIGHT) return [body];
  const budget = POST_MAX_WEIGHT - ' (10/10)'.length;
  const posts: string[] = [];
  let current = '';
  for (const word of body.split(/(?<=\s)(?=\S)/).flatMap((w) => pieces(w, budget))) {
    if (current && postWeight((current + word).trimEnd()) > budget) {
      posts.push(current.trimEnd());
      current = '';
    }
    current += word;
  }
  if (current.trim()) posts.push(current.trimEnd());
  if (posts.length > maxPosts) return null;
  return posts.map((p, i) => `${p} (${i + 1}/${posts.length})`);
}
