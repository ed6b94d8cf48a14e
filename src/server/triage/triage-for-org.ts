// Triage of one text: read it, look up a published answer, decide. `triageText` needs no database
// (`relais triage` without an organization); `triageForOrg` loads the organization's model and settings.
import type { Db } from '../db/client.ts';
import { getOrgSettings, parseOrgSettings, type OrgSettings } from '../organizations/org-settings.ts';
import { SIGNALS_VERSION } from './signals/analyze-signals.ts';
import { decideLevel1 } from './decide-level1.ts';
import { findAnswer } from './find-answer.ts';
import { currentIntentModel, type StoredModel } from './intent-model-store.ts';
import { MAX_TRIAGE_CHARS, readMessage } from './read-message.ts';
import type { AnswerSource, TriageResult } from './triage.types.ts';
import { ttlCache } from '../http/ttl-cache.ts';

export type TriageChannel = { type: string; isPublic: boolean };
export type TriageInput = { text: string; channel: TriageChannel; audience?: { followers?: number } | undefined };
export type TriageSetup = {
  settings: OrgSettings;
  defaultLanguage: 'fr' | 'en';
  stored: StoredModel | null;
  findAnswer(intent: string, language: 'fr' | 'en'): Promise<AnswerSource | null>;
};
export type TriageOutput = TriageResult & { answerBody?: string };

export async function triageText(input: TriageInput, setup: TriageSetup): Promise<TriageOutput> {
  const { settings, stored } = setup;
  const oos = stored?.model.outOfScopeLabel ?? null;
  const reading = readMessage(input.text, {
    channel: input.channel, audience: input.audience, model: stored?.model ?? null,
    defaultLanguage: setup.defaultLanguage, reputationFollowers: settings.triage.reputationFollowers,
  });
  const threshold = stored ? (settings.triage.autoAnswerThreshold ?? stored.threshold) : null;
  const intentLabel = reading.intent && reading.intent.label !== oos ? reading.intent.label : null;
  const answer = intentLabel && reading.language !== 'other' ? await setup.findAnswer(intentLabel, reading.language) : null;
  const decided = decideLevel1({
    severity: reading.severity, crisisKind: reading.crisisKind, flags: reading.flags, language: reading.language,
    intent: reading.intent, outOfScopeLabel: oos, threshold, autoAnswerEnabled: settings.triage.autoAnswerEnabled, answer,
  });
  const reasons = [...reading.reasons, ...decided.reasons];
  if (reading.truncated) reasons.push(`input: triaged the first ${MAX_TRIAGE_CHARS} of ${input.text.length} characters`);
  return {
    language: reading.language,
    intent: intentLabel,
    confidence: reading.intent?.confidence ?? 0,
    severity: reading.severity,
    ...(reading.crisisKind ? { crisisKind: reading.crisisKind } : {}),
    sentiment: reading.sentiment,
    flags: reading.flags,
    decision: decided.decision,
    level: decided.level,
    priority: decided.priority,
    reasons,
    abstained: decided.abstained,
    ...(decided.answer ? { answer: { kind: decided.answer.kind, id: decided.answer.id, title: decided.answer.title }, answerBody: decided.answer.body } : {}),
    threshold,
    modelVersion: `${stored?.version ?? 'no-intent-model'}+${SIGNALS_VERSION}`,
  };
}

/** Settings for a text triaged outside any organization: the defaults, and no intent model. */
export const STANDALONE_SETUP: TriageSetup = {
  settings: parseOrgSettings({}), defaultLanguage: 'fr', stored: null, findAnswer: async () => null,
};

// Every message of a busy organization needs the same settings: read them at most once a second (the model
// is checked on every message, by its id, and loaded only when a newer one was trained).
const settingsCache = ttlCache<Awaited<ReturnType<typeof getOrgSettings>>>(1_000);

export function forgetTriageSettings(orgId: string): void {
  settingsCache.delete(orgId);
}

export async function loadTriageSetup(db: Db, orgId: string): Promise<TriageSetup> {
  const settings = await settingsCache.get(orgId, () => getOrgSettings(db, orgId));
  return {
    settings, defaultLanguage: settings.defaultLocale === 'en' ? 'en' : 'fr',
    stored: await currentIntentModel(db, orgId),
    findAnswer: (intent, language) => findAnswer(db, orgId, intent, language),
  };
}

export async function triageForOrg(db: Db, orgId: string, text: string, channel: TriageChannel, audience?: { followers?: number }): Promise<TriageOutput> {
  return triageText({ text, channel, audience }, await loadTriageSetup(db, orgId));
}
