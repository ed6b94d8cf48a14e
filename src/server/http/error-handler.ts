// Turns every failure into the one error shape, {"error":{"code","message","details"}}.
// User input never produces a 500: only a bug does, and then the details stay in the log.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorStatus } from '../errors.ts';

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

export function sendError(reply: FastifyReply, err: AppError): FastifyReply {
  const body: ErrorBody = { error: { code: err.code, message: err.message } };
  if (err.details !== undefined) body.error.details = err.details;
  return reply.code(err.status).type('application/json').send(body);
}

/** Fastify's own error codes for bad requests, mapped to ours. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_VALIDATION: 'validation_failed',
};

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { statusCode?: number };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const issues = e.validation.map((v) => ({
      in: e.validationContext ?? 'body',
      path: String(v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? 'is invalid',
    }));
    const first = issues[0];
    const where = first ? `${first.in}${first.path ? `.${first.path}` : ''}` : 'request';
    return new AppError('validation_failed', `${where}: ${first?.message ?? 'is invalid'}`, { issues });
  }
  if (e?.code && fastifyCodes[e.code]) return new AppError(fastifyCodes[e.code]!, e.message);
  if (e instanceof SyntaxError || e?.name === 'SyntaxError') return new AppError('invalid_json', `malformed JSON: ${e.message}`);
  if (e?.statusCode === 429) return new AppError('rate_limited', e.message || 'too many requests');
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    const code = (Object.keys(errorStatus) as ErrorCode[]).find((c) => errorStatus[c] === e.statusCode) ?? 'bad_request';
    return new AppError(code, e.message);
  }
  return new AppError('internal', 'internal error');
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) request.log.error({ err }, 'request failed');
    return sendError(reply, appError);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new AppError('not_found', `no route for ${request.method} ${request.url.split('?')[0]}`)),
  );
}
