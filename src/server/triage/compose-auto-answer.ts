// The level-1 answer: the article's gist in the customer's language, the source cited,
// and the two ways out the customer must always have ("that solved it" / "talk to a person").
import type { AnswerSource } from './triage.types.ts';

export type QuickReply = { id: 'solved' | 'handoff'; label: string };

const TEXT = {
  fr: {
    intro: 'Bonjour, voici ce qui devrait répondre à votre question :',
    source: 'Source :',
    ask: 'Cela a-t-il résolu votre demande ?',
    solved: 'Oui, c’est résolu',
    handoff: 'Parler à un conseiller',
  },
  en: {
    intro: 'Hello, this should answer your question:',
    source: 'Source:',
    ask: 'Did this solve your request?',
    solved: 'Yes, that solved it',
    handoff: 'Talk to a person',
  },
} as const;

const EXCERPT_CHARS = 700;

/** The first paragraphs of the source, cut on a sentence or paragraph boundary. */
export function excerpt(body: string, max = EXCERPT_CHARS): string {
  const clean = body.replace(/\r\n/g, '\n').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const boundary = Math.max(cut.lastIndexOf('\n\n'), cut.lastIndexOf('. '));
  return `${cut.slice(0, boundary > max / 2 ? boundary + 1 : max).trim()} …`;
}

export type Citation = { kind: string; id: string; title: string };
/** What level 1 says: a published source's excerpt, or a generated answer grounded in cited articles. */
export type LevelOneContent = { language: 'fr' | 'en'; content: string; citations: Citation[]; templateId?: string };

export function fromSource(source: AnswerSource): LevelOneContent {
  return source.kind === 'article'
    ? { language: source.language, content: excerpt(source.body), citations: [{ kind: 'article', id: source.id, title: source.title }] }
    : { language: source.language, content: excerpt(source.body), citations: [], templateId: source.id };
}

export function composeAutoAnswer(answer: LevelOneContent) {
  const t = TEXT[answer.language];
  const quickReplies: QuickReply[] = [{ id: 'solved', label: t.solved }, { id: 'handoff', label: t.handoff }];
  const sources = answer.citations.length > 0 ? `\n\n${t.source} ${answer.citations.map((c) => `« ${c.title} »`).join(', ')}` : '';
  const body = `${t.intro}\n\n${answer.content}${sources}\n\n${t.ask} ${quickReplies.map((q) => `« ${q.label} »`).join(' / ')}`;
  return {
    body,
    metadata: {
      autoAnswer: true,
      awaitingFeedback: true,
      quickReplies,
      citations: answer.citations,
      ...(answer.templateId ? { templateId: answer.templateId } : {}),
    },
  };
}

const SOLVED = /^(oui|yes|yep|ok|merci|thanks?|thank you|parfait|super|top|c'?est (bon|resolu|regle)|resolu|solved|that solved it|oui,? c.?est resolu|yes,? that solved it)\b/;
const HANDOFF = /(conseiller|humain|une personne|quelqu'?un|agent|operat|talk to (a )?(person|human|someone)|real person|human|non\b|no\b|pas resolu|not solved|didn'?t help|ca (ne )?m'?aide pas)/;

/** A customer's reply to the quick replies, typed or clicked. Handoff wins over solved when both appear. */
export function readFeedback(text: string): 'solved' | 'handoff' | null {
  const t = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’`]/g, "'").trim();
  if (t.length > 160) return null;
  if (HANDOFF.test(t)) return 'handoff';
  if (SOLVED.test(t)) return 'solved';
  return null;
}
