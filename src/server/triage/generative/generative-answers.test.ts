import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SearchHit } from '../../knowledge/search/search-types.ts';
import { composeGroundedAnswer } from './grounded-answer.ts';
import { draftSuggestion } from './draft-suggestion.ts';
import { isLongConversation, summarizeConversation } from './conversation-summary.ts';
import type { ConversationTurn } from './conversation-transcript.ts';
import { createLlmClient, type LlmClient } from './llm-client.ts';
import { startFakeChatServer, type FakeChatServer } from './fake-chat-completions-server.ts';

let server: FakeChatServer;
let llm: LlmClient;
before(async () => {
  server = await startFakeChatServer();
  llm = createLlmClient({ baseUrl: server.baseUrl, model: 'relais-test-model', apiKey: 'key', timeoutMs: 2_000 });
});
after(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

function hit(fields: Partial<SearchHit> & Pick<SearchHit, 'id' | 'title' | 'content' | 'score'>): SearchHit {
  const coverage = fields.signals?.coverage ?? fields.score;
  return { kind: 'article', language: 'fr', snippet: fields.content.slice(0, 80), signals: { coverage, titleCoverage: coverage }, ...fields };
}
const refundArticle = hit({
  id: 'a1', score: 0.8, title: 'Se faire rembourser un billet',
  content: 'Un billet de train supprimé est remboursé intégralement, sous 5 à 7 jours ouvrés, sur la carte utilisée.',
});
const pastAnswer = hit({
  id: 'c1', kind: 'resolved_answer', score: 0.7, title: 'Train supprimé', question: 'Mon train a été supprimé, remboursement ?',
  content: 'Le remboursement est automatique pour les billets achetés en ligne.',
});
const strongHits = [refundArticle, pastAnswer];
const question = 'Mon train a été supprimé ce matin, comment être remboursé ?';
const systemPromptOf = (i = 0) => server.requests[i]!.body.messages[0].content as string;

describe('composeGroundedAnswer', () => {
  it('answers from the sources, with citations renumbered in order of use', async () => {
    server.answer({ reply: 'Votre billet est remboursé intégralement [2][1], sous 5 à 7 jours ouvrés [1].' });
    const answer = await composeGroundedAnswer(llm, { question, language: 'fr', hits: strongHits });
    assert.deepEqual(answer, {
      kind: 'answer',
      text: 'Votre billet est remboursé intégralement [1][2], sous 5 à 7 jours ouvrés [2].',
      citations: [
        { kind: 'resolved_answer', id: 'c1', title: 'Train supprimé' },
        { kind: 'article', id: 'a1', title: 'Se faire rembourser un billet' },
      ],
    });
    const request = server.requests[0]!;
    assert.equal(request.body.model, 'relais-test-model');
    assert.equal(request.headers.authorization, 'Bearer key');
    assert.deepEqual(request.body.messages.map((m: { role: string }) => m.role), ['system', 'user']);
    assert.equal(request.body.messages[1].content, question);
    assert.match(systemPromptOf(), /ONLY from the numbered sources/);
    assert.match(systemPromptOf(), /French/);
    assert.match(systemPromptOf(), /<source number="1">\nHelp-centre article: Se faire rembourser un billet\n/);
    assert.match(systemPromptOf(), /<source number="2">[\s\S]*Customer's question: Mon train a été supprimé/);
  });

  it('abstains without calling the model when retrieval is weak or empty', async () => {
    const weak = [hit({ id: 'a2', score: 0.3, title: 'Vélos à bord', content: 'Les vélos voyagent gratuitement.' })];
    for (const hits of [weak, []]) {
      const answer = await composeGroundedAnswer(llm, { question, language: 'fr', hits });
      assert.equal(answer.kind === 'abstain' && answer.reason, 'weak_retrieval');
    }
    assert.equal(server.requests.length, 0);
  });

  it('abstains when the model cites nothing, cites a source that does not exist, or declines', async () => {
    const cases: [string, string][] = [
      ['Votre billet sera remboursé.', 'no_citation'],
      ['Votre billet sera remboursé [3].', 'invalid_citation'],
      ['Remboursé sous 5 jours [1, 7].', 'invalid_citation'],
      ['NO_ANSWER', 'model_declined'],
    ];
    for (const [reply, reason] of cases) {
      server.answer({ reply });
      const answer = await composeGroundedAnswer(llm, { question, language: 'fr', hits: strongHits });
      assert.equal(answer.kind === 'abstain' && answer.reason, reason, reply);
    }
  });

  it('abstains on an answer cut by the token limit', async () => {
    server.answer({ reply: 'Votre billet est rembou [1]', finishReason: 'length' });
    const answer = await composeGroundedAnswer(llm, { question, language: 'fr', hits: strongHits });
    assert.equal(answer.kind === 'abstain' && answer.reason, 'truncated');
  });

  it('abstains with the typed failure on HTTP 500, timeout and a garbage body', async () => {
    const slow = createLlmClient({ baseUrl: server.baseUrl, model: 'm', timeoutMs: 100 });
    const cases: [LlmClient, Parameters<FakeChatServer['answer']>[0], string][] = [
      [llm, { status: 500, body: '{"error":{"message":"boom"}}' }, 'http'],
      [slow, { hangMs: 1_000 }, 'timeout'],
      [llm, { status: 200, body: 'not json at all' }, 'malformed_response'],
    ];
    for (const [client, script, kind] of cases) {
      server.answer(script);
      const answer = await composeGroundedAnswer(client, { question, language: 'en', hits: strongHits });
      assert.equal(answer.kind, 'abstain');
      assert.equal(answer.kind === 'abstain' && answer.reason, 'llm_failure');
      assert.equal(answer.kind === 'abstain' && answer.failure?.kind, kind);
    }
  });
});

const turns: ConversationTurn[] = [
  { from: 'customer', text: 'Bonjour, mon train de 8h12 a été supprimé.' },
  { from: 'staff', text: 'Désolés ! Avez-vous acheté le billet en ligne ?' },
  { from: 'customer', text: 'Oui, sur l’appli. Comment être remboursé ?' },
];

describe('draftSuggestion', () => {
  it('drafts the next reply from the conversation and the sources', async () => {
    server.answer({ reply: 'Votre billet sera remboursé sur votre carte sous 5 à 7 jours ouvrés [1].' });
    const draft = await draftSuggestion(llm, { turns, hits: strongHits, language: 'fr' });
    assert.deepEqual(draft, {
      kind: 'draft', text: 'Votre billet sera remboursé sur votre carte sous 5 à 7 jours ouvrés [1].',
      citations: [{ kind: 'article', id: 'a1', title: 'Se faire rembourser un billet' }],
    });
    const transcript = server.requests[0]!.body.messages[1].content as string;
    assert.match(transcript, /<conversation>\nCustomer: Bonjour, mon train de 8h12[\s\S]*Team: Désolés[\s\S]*Customer: Oui, sur l’appli/);
    assert.match(systemPromptOf(), /\[\[à vérifier\]\]/);
  });

  it('drafts without sources, and refuses a draft citing a source that does not exist', async () => {
    server.answer({ reply: 'Pouvez-vous nous donner votre référence de billet ? [[à vérifier]]' });
    const draft = await draftSuggestion(llm, { turns, hits: [], language: 'fr' });
    assert.equal(draft.kind, 'draft');
    assert.doesNotMatch(systemPromptOf(), /<source/);
    server.answer({ reply: 'Remboursé sous 3 jours [4].' });
    const invented = await draftSuggestion(llm, { turns, hits: strongHits, language: 'fr' });
    assert.equal(invented.kind === 'unavailable' && invented.reason, 'invalid_citation');
  });

  it('has nothing to draft for an empty conversation', async () => {
    const draft = await draftSuggestion(llm, { turns: [], hits: strongHits, language: 'fr' });
    assert.equal(draft.kind === 'unavailable' && draft.reason, 'empty_conversation');
    assert.equal(server.requests.length, 0);
  });
});

describe('summarizeConversation', () => {
  it('summarizes a long conversation, keeping its start and its latest messages within bounds', async () => {
    const long: ConversationTurn[] = Array.from({ length: 60 }, (_, i) => ({
      from: i % 2 === 0 ? 'customer' : 'staff', text: `Message ${i} : ${'détail '.repeat(60)}`,
    }));
    assert.equal(isLongConversation(long), true);
    assert.equal(isLongConversation(turns), false);
    server.answer({ reply: '- Train supprimé, remboursement demandé.\n- En attente de la référence.' });
    const summary = await summarizeConversation(llm, long, 'fr');
    assert.deepEqual(summary, { kind: 'summary', text: '- Train supprimé, remboursement demandé.\n- En attente de la référence.' });
    const transcript = server.requests[0]!.body.messages[1].content as string;
    assert.ok(transcript.length <= 16_500, `transcript of ${transcript.length} characters`);
    assert.match(transcript, /Message 0 :[\s\S]*Message 1 :[\s\S]*message\(s\) left out[\s\S]*Message 59 :/);
    assert.match(systemPromptOf(), /French/);
  });

  it('reports a model failure instead of throwing', async () => {
    server.answer({ status: 503, body: 'Service Unavailable' });
    const summary = await summarizeConversation(llm, turns, 'en');
    assert.equal(summary.kind === 'unavailable' && summary.failure?.status, 503);
  });
});
