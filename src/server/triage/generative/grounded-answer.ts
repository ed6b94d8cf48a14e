// A customer-facing answer written by a model from the knowledge base, or a reasoned abstention.
// Level 1 must never invent: the model only sees strong search results, must cite them, and an answer
// that cites nothing or cites a source that does not exist is thrown away.
import { retrievalStrength, type StrengthThresholds } from '../../knowledge/search/retrieval-strength.ts';
import type { SearchHit } from '../../knowledge/search/search-types.ts';
import { CITATION_RULES, checkCitations, citationsInOrder, formatSources, languageName, type Citation } from './grounding-sources.ts';
import type { LlmClient, LlmFailure } from './llm-client.ts';

export type AbstainReason =
  | 'weak_retrieval' // search found nothing good enough to answer from: no model call is made
  | 'model_declined' // the model said the sources do not answer the question
  | 'no_citation'
  | 'invalid_citation'
  | 'truncated' // the answer was cut by max_tokens
  | 'llm_failure';

export type GroundedAnswer =
  | { kind: 'answer'; text: string; citations: Citation[] }
  | { kind: 'abstain'; reason: AbstainReason; detail: string; failure?: LlmFailure };

export type GroundedAnswerInput = {
  question: string;
  language: string;
  hits: readonly SearchHit[];
  thresholds?: StrengthThresholds;
};

/** What the model writes when the sources do not answer (anywhere in its reply: small models add words). */
export const NO_ANSWER = 'NO_ANSWER';
const MAX_QUESTION_CHARS = 4_000;

export async function composeGroundedAnswer(llm: LlmClient, input: GroundedAnswerInput): Promise<GroundedAnswer> {
  const strength = retrievalStrength(input.hits, input.thresholds);
  if (strength.level !== 'strong') return { kind: 'abstain', reason: 'weak_retrieval', detail: strength.reason };
  const sources = strength.sources;

  const system = [
    'You answer customers of a customer-care team, in writing, on behalf of the team.',
    `Answer ONLY from the numbered sources below. Write in ${languageName(input.language)}, whatever the language of the sources.`,
    'Be brief (at most 120 words), polite and concrete. Do not greet at length, do not sign.',
    CITATION_RULES,
    `If the sources do not answer the question, reply exactly ${NO_ANSWER} and nothing else.`,
    '',
    formatSources(sources),
  ].join('\n');
  const result = await llm.complete(
    [{ role: 'system', content: system }, { role: 'user', content: input.question.slice(0, MAX_QUESTION_CHARS) }],
    { temperature: 0.1, maxTokens: 400 },
  );
  if (!result.ok) return { kind: 'abstain', reason: 'llm_failure', detail: result.error.message, failure: result.error };
  if (result.text.includes(NO_ANSWER)) {
    return { kind: 'abstain', reason: 'model_declined', detail: 'the model found no answer in the sources' };
  }
  if (result.finishReason === 'length') return { kind: 'abstain', reason: 'truncated', detail: 'the answer was cut by the token limit' };

  const { cited, invalid } = checkCitations(result.text, sources.length);
  if (invalid.length > 0) {
    return { kind: 'abstain', reason: 'invalid_citation', detail: `cites [${invalid.join('], [')}] but there are ${sources.length} sources` };
  }
  if (cited.length === 0) return { kind: 'abstain', reason: 'no_citation', detail: 'the answer cites no source' };
  return { kind: 'answer', ...citationsInOrder(result.text, cited, sources) };
}
