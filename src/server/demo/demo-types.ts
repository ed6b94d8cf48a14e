// Shapes of the hand-written demo content. A brand's content is plain data: the planner turns it
// into conversations with a seeded PRNG, the writer stores them.
import type { ChannelType, Severity } from '../db/schema/index.ts';
import type { SlotTable } from './demo-random.ts';

export type Lang = 'fr' | 'en';
export type Texts = Record<Lang, readonly string[]>;

/**
 * One thing a customer asks, the answer that fits it, and what they say next. A `problem` can come
 * with a complaint or anger; a plain question cannot. Community experts only take cases that need
 * no access to the customer's account (`staffOnly` false).
 */
export type Case = { ask: string; answer: string; more: string; problem: boolean; staffOnly: boolean };
export const question = (ask: string, answer: string, more: string): Case => ({ ask, answer, more, problem: false, staffOnly: false });
/** A calm request that staff must act on (cancel an order, apply a code). */
export const request = (ask: string, answer: string, more: string): Case => ({ ask, answer, more, problem: false, staffOnly: true });
export const problem = (ask: string, answer: string, more: string): Case => ({ ask, answer, more, problem: true, staffOnly: true });

/** One reason customers write in: what they say, what staff answer, what staff note. */
export type Topic = {
  intent: string;
  tag: string;
  weight: number;
  subjects: Texts;
  cases: Record<Lang, readonly Case[]>;
  /** Internal notes, in French: the team works in French whatever the customer's language. */
  notes?: readonly string[];
};

export type CrisisCase = {
  intent: string;
  lang: Lang;
  channel: ChannelType;
  subject: string | null;
  opener: string;
  reply: string;
  notes: readonly string[];
};

export type Person = { first: string; last: string };
export type StaffKey = `admin` | `supervisor` | `bot` | `agent${number}` | `provider${number}` | `expert${number}`;

export type ArticleSeed = {
  slug: string;
  language: Lang;
  title: string;
  intents: readonly string[];
  tags: readonly string[];
  status?: 'draft' | 'in_review' | 'published';
  /** Who wrote it: drafts and reviews come from community experts. */
  author?: StaffKey;
  body: string;
};

export type TemplateSeed = { name: string; language: Lang; intent?: string; body: string };

/** Ids the scenario steps point at, known once the brand's records exist. */
export type ScenarioRefs = { teams: Record<string, string>; templates: Record<string, string>; users: Record<string, string> };
export type ScenarioSeed = { name: string; enabled?: boolean; trigger: Record<string, unknown>; steps: Record<string, unknown>[] };

export type BrandContent = {
  name: string;
  slug: string;
  /** Staff emails use it: `prenom.nom@<domain>`. */
  domain: string;
  /** Signature under e-mail replies. */
  signature: Record<Lang, string>;
  /** How the brand is mentioned on X (`@handle`). */
  xHandle: string;
  channels: readonly { type: ChannelType; name: string; weight: number }[];
  teams: {
    core: { name: string; skills: string[] };
    experts: { name: string; skills: string[] };
    provider?: { orgName: string; orgSlug: string; domain: string; teamName: string; skills: string[] };
  };
  staff: {
    admin: Person;
    supervisor: Person;
    agents: readonly Person[];
    providerAgents: readonly Person[];
    experts: readonly Person[];
    botName: string;
  };
  /** Intents only the core team handles (organization setting `pyramid.confidentialTopics`). */
  confidentialTopics: readonly string[];
  /** What each community expert knows about (their `topics`) and the languages they answer in. */
  expertSkills: readonly { topics: readonly string[]; languages: readonly string[] }[];
  conversationCount: number;
  /** Exact counts, so every severity shows up whatever the seed; the rest is `normal`. */
  severityCounts: Partial<Record<Severity, number>>;
  segments: Texts;
  slots: { common: SlotTable; fr: SlotTable; en: SlotTable };
  topics: readonly Topic[];
  crises: readonly CrisisCase[];
  /** Level-1 answer pointing at the knowledge base: `{article}` is the title of the article for the intent. */
  botReplies: Texts;
  /** Community experts open their answers with a peer's voice. */
  expertLeadIns: Texts;
  finalReplies: Texts;
  thanks: Texts;
  nudges: Texts;
  articles: readonly ArticleSeed[];
  templates: readonly TemplateSeed[];
  scenarios: (refs: ScenarioRefs) => ScenarioSeed[];
};
