// Help for whoever answers (experts and agents): knowledge that matches the customer's latest message,
// a drafted reply and a summary when a language model is configured.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { authOf, requireRole } from '../http/authenticate.ts';
import { conversationThread } from '../conversations/messages.service.ts';
import { readableAsKnowledge, type Caller } from '../access/conversation-scope.ts';
import { redactionFor } from '../access/redaction.ts';
import { searchKnowledge } from './search/search-knowledge.ts';
import { draftSuggestion } from '../triage/generative/draft-suggestion.ts';
import { summarizeConversation } from '../triage/generative/conversation-summary.ts';
import { turnsFromMessages } from '../triage/generative/conversation-transcript.ts';

const ANSWERERS = ['admin', 'supervisor', 'agent', 'provider_agent', 'expert'] as const;
const hitSchema = z.object({
  kind: z.enum(['article', 'resolved_answer']), id: z.uuid(), title: z.string(), language: z.string().nullable(), score: z.number(), snippet: z.string(),
});
const citationSchema = z.object({ kind: z.string(), id: z.string(), title: z.string() });

export async function suggestionsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx.database;
  const tags = ['suggestions'];
  const params = z.object({ id: z.uuid() });

  const threadOf = (caller: Caller, conversationId: string) => conversationThread(db, caller, conversationId);
  const languageOf = (language: string | null) => (language === 'en' ? 'en' : 'fr');

  r.get('/conversations/:id/suggestions', {
    schema: {
      tags, summary: 'Articles and past answers matching the latest customer message; a drafted reply with ?draft=true',
      params, querystring: z.object({ draft: z.enum(['true', 'false']).default('false') }),
      response: { 200: z.object({ hits: z.array(hitSchema), draft: z.object({ text: z.string(), citations: z.array(citationSchema) }).nullable(), draftUnavailable: z.string().nullable() }) },
    },
    preHandler: requireRole(ANSWERERS),
  }, async (request) => {
    const auth = authOf(request);
    const { conversation, thread } = await threadOf(auth, request.params.id);
    const latest = [...thread].reverse().find((m) => m.direction === 'inbound');
    const language = languageOf(conversation.language);
    const found = latest ? await searchKnowledge(db, conversation.orgId, { text: latest.body, language, limit: 6 }) : [];
    // Past answers from confidential conversations help the core team only.
    const readable = await readableAsKnowledge(db, auth, found.filter((h) => h.kind === 'resolved_answer').map((h) => h.id));
    const hits = found.filter((h) => h.kind === 'article' || readable.has(h.id));
    const redaction = await redactionFor(db, auth);
    let draft = null;
    let draftUnavailable: string | null = null;
    if (request.query.draft === 'true') {
      if (!app.ctx.llm) draftUnavailable = 'no language model is configured (RELAIS_LLM_BASE_URL, RELAIS_LLM_MODEL)';
      else {
        const result = await draftSuggestion(app.ctx.llm, { turns: turnsFromMessages(thread), hits, language });
        if (result.kind === 'draft') draft = redaction
          ? { text: redaction.text(result.text), citations: result.citations.map((c) => ({ ...c, title: redaction.text(c.title) })) }
          : { text: result.text, citations: result.citations };
        else draftUnavailable = `${result.reason}: ${result.detail}`;
      }
    }
    return {
      // Past answers quote other customers: masked like everything else an expert reads.
      hits: hits.map((h) => ({
        kind: h.kind, id: h.id, title: redaction ? redaction.text(h.title) : h.title, language: h.language, score: h.score,
        snippet: redaction ? redaction.text(h.snippet) : h.snippet,
      })),
      draft, draftUnavailable,
    };
  });

  r.post('/conversations/:id/summary', {
    schema: { tags, summary: 'Summarize a conversation for whoever takes it over (needs a language model)', params, response: { 200: z.object({ summary: z.string() }) } },
    preHandler: requireRole(ANSWERERS),
  }, async (request) => {
    const auth = authOf(request);
    const { conversation, thread } = await threadOf(auth, request.params.id);
    if (!app.ctx.llm) throw new AppError('unavailable', 'no language model is configured (RELAIS_LLM_BASE_URL, RELAIS_LLM_MODEL)');
    const result = await summarizeConversation(app.ctx.llm, turnsFromMessages(thread), languageOf(conversation.language));
    if (result.kind === 'unavailable') throw new AppError('unavailable', `no summary: ${result.reason}: ${result.detail}`);
    const redaction = await redactionFor(db, auth);
    return { summary: redaction ? redaction.text(result.text) : result.text };
  });
}
