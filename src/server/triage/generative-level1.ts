// The optional second chance of level 1: when no published answer matched the intent with confidence, a
// configured language model may answer from the knowledge base, citing it, or abstain. Safety decisions
// (crisis, abuse, confidential, spam) never reach here: only abstentions do.
import type { Db } from '../db/client.ts';
import { searchKnowledge } from '../knowledge/search/search-knowledge.ts';
import { composeGroundedAnswer } from './generative/grounded-answer.ts';
import type { LlmClient } from './generative/llm-client.ts';
import type { LevelOneContent } from './compose-auto-answer.ts';

export type GenerativeAttempt = { content: LevelOneContent | null; reason: string };

export async function tryGenerativeAnswer(db: Db, llm: LlmClient, orgId: string, question: string, language: 'fr' | 'en'): Promise<GenerativeAttempt> {
  // Articles only: past answers to other customers may carry their names, amounts or references.
  const hits = await searchKnowledge(db, orgId, { text: question, language, kinds: ['article'], limit: 5 });
  const answer = await composeGroundedAnswer(llm, { question, language, hits });
  if (answer.kind === 'abstain') return { content: null, reason: `generative: abstained (${answer.reason}: ${answer.detail})` };
  return {
    content: { language, content: answer.text, citations: answer.citations.map((c) => ({ kind: c.kind, id: c.id, title: c.title })) },
    reason: `decision: automatic answer written by ${llm.model} from ${answer.citations.length} cited article(s): ${answer.citations.map((c) => `"${c.title}"`).join(', ')}`,
  };
}
