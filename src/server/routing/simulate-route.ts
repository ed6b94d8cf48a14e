// "Where would this message go?": the triage (of a text, or a triage result given as is), the routing
// decision with its reasons, and the queue and person assignment would choose. Nothing is stored: the
// assignment runs in a transaction that is always rolled back.
import { TransactionRollbackError } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { CHANNEL_TYPES, SEVERITIES } from '../db/schema/index.ts';
import { triageForOrg } from '../triage/triage-for-org.ts';
import { placeConversation, type Placement } from './assign.ts';
import { decideRoute } from './decide-route.ts';
import { compiledRoutingFor } from './routing-cache.ts';
import { FLAGS, TRIAGE_DECISIONS } from './rule-schema.ts';
import type { RouteInput } from './routing.types.ts';

const PRIORITY = { normal: 1, complaint: 2, angry: 3, abusive: 3, crisis: 4 } as const;

export const simulateBody = z.strictObject({
  text: z.string().min(1).max(20_000).optional(),
  triage: z.strictObject({
    language: z.enum(['fr', 'en', 'other']),
    intent: z.string().min(1).max(100).nullable().default(null),
    confidence: z.number().min(0).max(1).default(0),
    severity: z.enum(SEVERITIES).default('normal'),
    flags: z.array(z.enum(FLAGS)).default([]),
    decision: z.enum(TRIAGE_DECISIONS),
    priority: z.number().int().min(0).max(4).optional(),
  }).optional(),
  channelType: z.enum(CHANNEL_TYPES).default('chat'),
  visibility: z.enum(['public', 'private']).default('private'),
  segment: z.string().min(1).max(100).nullable().default(null),
}).refine((b) => (b.text === undefined) !== (b.triage === undefined), { message: 'give either text or triage', path: ['text'] });

export async function simulateRoute(db: Db, orgId: string, body: z.output<typeof simulateBody>) {
  const triage: RouteInput['triage'] & { reasons?: string[] } = body.triage
    ? { ...body.triage, priority: body.triage.priority ?? PRIORITY[body.triage.severity] }
    : await triageForOrg(db, orgId, body.text!, { type: body.channelType, isPublic: body.visibility === 'public' });
  const decision = decideRoute({ triage, segment: body.segment, channelType: body.channelType, visibility: body.visibility }, await compiledRoutingFor(db, orgId));
  let placement: Placement | null = null;
  if (decision.target !== 'auto_answer' && decision.target !== 'spam') {
    try {
      await db.transaction(async (tx) => {
        placement = await placeConversation(tx as unknown as Db, orgId, decision, { intent: triage.intent, language: triage.language, confidential: decision.confidential });
        tx.rollback();
      });
    } catch (err) {
      if (!(err instanceof TransactionRollbackError)) throw err;
    }
  }
  return {
    triage: { language: triage.language, intent: triage.intent, confidence: triage.confidence, severity: triage.severity, flags: triage.flags, decision: triage.decision, priority: triage.priority, reasons: triage.reasons ?? [] },
    decision,
    placement,
  };
}
