// The inputs and the answer of a routing decision, shared by the pure decision, assignment and storage.
import type { ChannelType } from '../db/schema/index.ts';
import type { Preset } from '../organizations/org-settings.ts';
import type { TriageResult } from '../triage/triage.types.ts';
import type { FiredRule } from './record-routing-decision.ts';
import type { RuleAction } from './rule-schema.ts';

export type RouteInput = {
  triage: Pick<TriageResult, 'language' | 'intent' | 'confidence' | 'severity' | 'flags' | 'decision' | 'priority'> & { crisisKind?: string | undefined };
  /** The contact's segment (contacts.segment), if any. */
  segment: string | null;
  channelType: ChannelType;
  visibility: 'public' | 'private';
};

/** `spam`: no answer and no queue (kept for review, tagged). */
export type RouteTarget = 'auto_answer' | 'level2' | 'level3' | 'team' | 'spam';

export type RouteDecision = {
  target: RouteTarget;
  level: 1 | 2 | 3;
  teamId: string | null;
  priority: number;
  /** An automatic answer may be sent: the one triage found, or a grounded generative one when triage abstained. */
  autoAnswerAllowed: boolean;
  /** Core team only (level 3, never experts or providers). */
  confidential: boolean;
  tags: string[];
  /** The decision came from the preset's pyramid: with no expert queue for it, it passes up to the core team. */
  passUp: boolean;
  fired: FiredRule[];
};

export type TeamInfo = { id: string; name: string; level: number | null; providerOrgId: string | null; fallbackTeamId: string | null };

/** An organization's routing compiled once (cached until a rule, team or setting changes). */
export type CompiledRouting = {
  preset: Preset;
  confidentialTopics: ReadonlySet<string>;
  rules: CompiledRule[];
  teams: ReadonlyMap<string, TeamInfo>;
};

export type CompiledRule = {
  id: string;
  name: string;
  action: RuleAction;
  matches(input: RouteInput): boolean;
  /** Why it matched this input, in words. */
  explain(input: RouteInput): string;
};
