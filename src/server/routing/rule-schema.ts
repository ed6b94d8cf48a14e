// What a routing rule may say: conditions on the triage result, the contact and the channel, and one action.
// Every rule is stored and read through these schemas (routing_rules.conditions / .action are JSON).
import { z } from 'zod';
import { CHANNEL_TYPES, SEVERITIES } from '../db/schema/index.ts';

export const FLAGS = ['reputation_risk', 'sales_signal', 'confidential', 'spam'] as const;
export const TRIAGE_DECISIONS = ['auto_answer', 'level2', 'level3', 'spam'] as const;
export const TARGETS = ['auto_answer', 'level2', 'level3', 'team'] as const;
export type RuleTarget = (typeof TARGETS)[number];

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(200);
const confidence = z.number().min(0).max(1);

/** Every condition present must match (lists: any of their values; flags: all of them). No condition: every message. */
export const conditionsSchema = z.strictObject({
  intents: list(z.string().min(1).max(100)).optional(),
  severities: list(z.enum(SEVERITIES)).optional(),
  languages: list(z.enum(['fr', 'en', 'other'])).optional(),
  channelTypes: list(z.enum(CHANNEL_TYPES)).optional(),
  visibility: z.enum(['public', 'private']).optional(),
  /** The contact's segment (contacts.segment). */
  segments: list(z.string().min(1).max(100)).optional(),
  /** All must be present on the message. */
  flags: list(z.enum(FLAGS)).optional(),
  confidenceBelow: confidence.optional(),
  confidenceAtLeast: confidence.optional(),
  /** Triage's own level-1 decision. */
  decision: z.enum(TRIAGE_DECISIONS).optional(),
});
export type RuleConditions = z.infer<typeof conditionsSchema>;

export const actionSchema = z.strictObject({
  target: z.enum(TARGETS),
  /** Required for target 'team', refused otherwise. */
  teamId: z.uuid().optional(),
  priority: z.number().int().min(0).max(4).optional(),
  tags: z.array(z.string().min(1).max(50)).max(20).optional(),
}).superRefine((a, ctx) => {
  if (a.target === 'team' && !a.teamId) ctx.addIssue({ code: 'custom', path: ['teamId'], message: "target 'team' needs a teamId" });
  if (a.target !== 'team' && a.teamId) ctx.addIssue({ code: 'custom', path: ['teamId'], message: "teamId is only for target 'team'" });
});
export type RuleAction = z.infer<typeof actionSchema>;

export const ruleInputSchema = z.strictObject({
  name: z.string().min(1).max(200),
  /** Rules are tried in ascending position; a new rule without one goes last. */
  position: z.number().int().min(0).max(1_000_000).optional(),
  enabled: z.boolean().default(true),
  conditions: conditionsSchema.default({}),
  action: actionSchema,
});
export type RuleInput = z.input<typeof ruleInputSchema>;

export const rulePatchSchema = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  position: z.number().int().min(0).max(1_000_000).optional(),
  enabled: z.boolean().optional(),
  conditions: conditionsSchema.optional(),
  action: actionSchema.optional(),
});

/** A rule as routing reads it (custom rules from the table; built-in ones have id null). */
export type RoutingRule = {
  id: string | null;
  name: string;
  position: number;
  enabled: boolean;
  conditions: RuleConditions;
  action: RuleAction;
};

export const ruleSchema = z.object({
  id: z.uuid(), name: z.string(), position: z.number().int(), enabled: z.boolean(),
  conditions: conditionsSchema, action: actionSchema, createdAt: z.string(), updatedAt: z.string(),
});
