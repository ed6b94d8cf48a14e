// The contact form of a brand's site and help center: Relais serves the form (or a token for a form of the
// brand's own making) and receives its submissions, urlencoded from a browser or JSON from a script.
import { acceptInbound } from '../../intake/accept-inbound.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { channelByWebhookKey } from '../channels.service.ts';
import type { ChannelDeps } from '../channel-adapter.ts';
import { bodyObject, keepRawPayloads, limitPerSource, parsePayload } from './channel-payload.ts';
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD, TOKEN_MAX_AGE_MS, checkSubmission, issueFormToken, type SpamReason } from './form-guard.ts';
import { errorText, pickLanguage, renderFormPage, renderThanksPage, type FormValues, type Lang } from './form-page.ts';
import type { WebFormSettings } from './adapter.ts';

/** Per address and form, per minute: enough for an office behind one NAT, too little for a flood. */
export const WEB_FORM_SUBMIT_LIMIT = 10;
export const WEB_FORM_PAGE_LIMIT = 60;

export const webFormSubmission = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().toLowerCase().pipe(z.email().max(320)),
  subject: z.string().trim().min(1).max(200),
  message: z.string().trim().min(1).max(10_000),
  // An empty optional field arrives as '' from an HTML form.
  orderReference: z.string().trim().max(100).optional().transform((v) => v || undefined),
});

const params = z.object({ key: z.string().max(200) });
const tags = ['web-form'];

function sendHtml(reply: FastifyReply, status: number, html: string) {
  // The page embeds a one-time form token: never cache it. It may be framed by the brand's site.
  return reply.code(status).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'")
    .type('text/html; charset=utf-8').send(html);
}

const wantsHtml = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/html');

export async function webFormRoutes(app: FastifyInstance, deps: ChannelDeps) {
  keepRawPayloads(app, { urlencoded: true });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = (deps.config.publicUrl ?? '').replace(/\/+$/, '');
  const actionOf = (key: string) => `${base}/hooks/web-form/${encodeURIComponent(key)}`;
  const languageOf = (request: FastifyRequest, fromBody?: unknown): Lang =>
    pickLanguage(fromBody ?? (request.query as { lang?: unknown } | undefined)?.lang, request.headers['accept-language']);

  r.get('/hooks/web-form/:key/form', {
    schema: { hide: true, params },
    config: limitPerSource(WEB_FORM_PAGE_LIMIT),
  }, async (request, reply) => {
    const { channel, settings } = await channelByWebhookKey<WebFormSettings>(deps.db, 'web_form', request.params.key);
    const token = issueFormToken(settings.formSecret, channel.id);
    return sendHtml(reply, 200, renderFormPage({ lang: languageOf(request), action: actionOf(request.params.key), token }));
  });

  r.get('/hooks/web-form/:key/form-token', {
    schema: {
      tags, security: [], params, summary: 'A form token for a contact form of your own making',
      description: `Send it back as "${FORM_TOKEN_FIELD}", no sooner than minSubmitSeconds later, with an empty "${HONEYPOT_FIELD}" field.`,
    },
    config: limitPerSource(WEB_FORM_PAGE_LIMIT),
  }, async (request, reply) => {
    const { channel, settings } = await channelByWebhookKey<WebFormSettings>(deps.db, 'web_form', request.params.key);
    reply.header('cache-control', 'no-store');
    return {
      formToken: issueFormToken(settings.formSecret, channel.id), minSubmitSeconds: settings.minSubmitSeconds,
      expiresInSeconds: TOKEN_MAX_AGE_MS / 1000, honeypotField: HONEYPOT_FIELD,
    };
  });

  r.post('/hooks/web-form/:key', {
    schema: {
      tags, security: [], params, summary: 'Submit the contact form (urlencoded or JSON)',
      description: 'Fields: name, email, subject, message, orderReference (optional), formToken, and the empty honeypot. ' +
        'Answers 201 (JSON) or a thank-you page (Accept: text/html); 200 when this form token was already used.',
    },
    config: limitPerSource(WEB_FORM_SUBMIT_LIMIT),
  }, async (request, reply) => {
    const { key } = request.params;
    const { channel, settings } = await channelByWebhookKey<WebFormSettings>(deps.db, 'web_form', key);
    const html = wantsHtml(request);
    const raw = request.body as Record<string, unknown> | undefined;
    const lang = languageOf(request, typeof raw === 'object' && raw ? raw.lang : undefined);
    try {
      const body = await bodyObject(deps, request, channel);
      // Spam is refused before the schema check, so it never fills the dead letters.
      const { externalId } = checkSubmission(body, channel.id, settings);
      const form = await parsePayload(deps, request, channel, body, webFormSubmission);
      const result = await acceptInbound(deps, {
        orgId: channel.orgId, channelId: channel.id, externalId, visibility: 'private',
        sender: { externalId: form.email, displayName: form.name, email: form.email },
        subject: form.subject,
        // The order reference is also written in the text: agents and triage both read the text.
        text: form.orderReference ? `${form.message}\n\n— Référence de commande : ${form.orderReference}` : form.message,
        metadata: { webForm: { lang, ...(form.orderReference ? { orderReference: form.orderReference } : {}) } },
      });
      const status = result.duplicate ? 200 : 201;
      if (html) return sendHtml(reply, status, renderThanksPage({ lang, formUrl: `${actionOf(key)}/form?lang=${lang}` }));
      return reply.code(status).send({ messageId: result.messageId, duplicate: result.duplicate });
    } catch (err) {
      // A person in a browser gets the form back, filled in, with the reason in their language.
      if (!html || !(err instanceof AppError) || err.status !== 400) throw err;
      const details = err.details as { reason?: SpamReason; issues?: { path: string }[] } | undefined;
      const values: FormValues = {};
      for (const field of ['name', 'email', 'subject', 'message', 'orderReference'] as const) {
        if (typeof raw?.[field] === 'string') values[field] = raw[field] as string;
      }
      return sendHtml(reply, 400, renderFormPage({
        lang, action: actionOf(key), token: issueFormToken(settings.formSecret, channel.id), values,
        error: errorText(lang, { spamReason: details?.reason, field: details?.issues?.[0]?.path }),
      }));
    }
  });
}
