// Validation of what a visitor's widget sends: everything from the socket is untrusted input.
import { z } from 'zod';
import type { ClientFrame } from '../../../widget/protocol.ts';

export const MAX_TEXT_CHARS = 5000;
/** Anonymous visitor ids are ours (random, 128 bits): never a value a visitor chose, such as another's email. */
export const VISITOR_ID = /^v_[A-Za-z0-9_-]{22,64}$/;
const clientMessageId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'letters, digits, - and _ (8 to 64)');

export const clientFrameSchema: z.ZodType<ClientFrame> = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('hello'),
    visitorId: z.string().max(80).optional(),
    lastSeenMessageId: z.uuid().optional(),
    locale: z.string().max(35).optional(),
    identity: z.object({
      userId: z.string().trim().min(1).max(200),
      email: z.email().max(320).optional(),
      name: z.string().trim().max(200).optional(),
      signature: z.string().regex(/^[0-9a-fA-F]{64}$/, '64 hexadecimal characters'),
    }).optional(),
  }),
  z.object({ type: z.literal('message'), clientMessageId, text: z.string().trim().min(1).max(MAX_TEXT_CHARS) }),
  z.object({ type: z.literal('quick_reply'), clientMessageId, id: z.string().min(1).max(40) }),
  z.object({ type: z.literal('identify'), email: z.email().max(320), name: z.string().trim().max(200).optional() }),
  z.object({ type: z.literal('typing') }),
  z.object({ type: z.literal('read'), messageId: z.uuid() }),
  z.object({ type: z.literal('rating'), score: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).optional() }),
  z.object({ type: z.literal('ping') }),
]);

export function parseClientFrame(raw: string): ClientFrame | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { error: 'not JSON' };
  }
  const parsed = clientFrameSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { error: issue ? `${issue.path.join('.') || 'frame'}: ${issue.message}` : 'invalid frame' };
}
