// Plans one brand's demo records in memory, with no I/O: every random draw happens here, in a fixed
// order, so a seed always gives the same content (ids aside), whatever the database does.
import type { ChannelType, Severity } from '../db/schema/index.ts';
import type { Rng } from './demo-random.ts';
import type { ArticleSeed, BrandContent, Case, Lang, StaffKey, Topic } from './demo-types.ts';
import { ContactBook, type ContactPlan } from './demo-people.ts';
import { planThread, type MessagePlan, type NotePlan } from './demo-thread.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const PUBLIC_CHANNELS: readonly ChannelType[] = ['facebook', 'instagram', 'x', 'community'];
export const isPublicChannel = (type: ChannelType) => PUBLIC_CHANNELS.includes(type);

export type Status = 'open' | 'pending' | 'resolved' | 'closed';
export type TeamKey = 'core' | 'experts' | 'provider';

export type ConversationPlan = {
  contact: number;
  channel: ChannelType;
  subject: string | null;
  lang: Lang;
  status: Status;
  level: 1 | 2 | 3;
  severity: Severity;
  intent: string;
  intentConfidence: number;
  priority: number;
  team: TeamKey | null;
  assignee: StaffKey | null;
  visibility: 'public' | 'private';
  tags: string[];
  messages: MessagePlan[];
  notes: NotePlan[];
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  lastMessageAt: Date;
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
};

export type ArticlePlan = { seed: ArticleSeed; author: StaffKey; reviewer: StaffKey | null; createdAt: Date; updatedAt: Date };
export type BrandPlan = { contacts: ContactPlan[]; expertContacts: number[]; conversations: ConversationPlan[]; articles: ArticlePlan[] };

// Response and resolution targets by priority (0..4): what an SLA policy would have set at intake.
const FIRST_RESPONSE_SLA = [24 * HOUR, 8 * HOUR, 4 * HOUR, HOUR, 15 * MINUTE];
const RESOLUTION_SLA = [5 * DAY, 3 * DAY, 2 * DAY, DAY, 4 * HOUR];
const PRIORITY: Record<Severity, number> = { normal: 1, complaint: 2, abusive: 2, angry: 3, crisis: 4 };

export function planBrand(brand: BrandContent, rng: Rng, now: Date): BrandPlan {
  const articles = planArticles(brand, rng, now);
  const book = new ContactBook(rng);
  const expertContacts = brand.staff.experts.map((person) => {
    const index = book.create('fr', 'expert communauté', new Date(now.getTime() - rng.between(28 * DAY, 30 * DAY)), person);
    book.identify(index, 'community');
    book.identify(index, 'email');
    return index;
  });

  const severities: Severity[] = [];
  for (const [severity, count] of Object.entries(brand.severityCounts) as [Severity, number][]) {
    for (let i = 0; i < count; i++) severities.push(severity);
  }
  while (severities.length < brand.conversationCount) severities.push('normal');
  rng.shuffle(severities);

  const customers: number[] = [];
  let crisisIndex = 0;
  const conversations = severities.map((severity) => {
    const crisis = severity === 'crisis' ? brand.crises[crisisIndex % brand.crises.length]! : null;
    const crisisRank = crisis ? crisisIndex++ : -1;
    const lang: Lang = crisis ? crisis.lang : rng.chance(0.25) ? 'en' : 'fr';
    const topic = crisis ? null : pickTopic(rng, brand, severity, lang);
    const topicCase = topic ? pickCase(rng, topic.cases[lang], severity) : null;
    const channel = crisis ? crisis.channel : pickChannel(rng, brand, severity, topicCase?.staffOnly ?? true);
    const isPublic = isPublicChannel(channel);

    // Crises are recent: one answered, one just in, so the demo inbox shows the alert live.
    const age = crisis
      ? crisisRank === 0 ? rng.between(3 * HOUR, 30 * HOUR) : rng.between(25 * MINUTE, 50 * MINUTE)
      : rng.between(20 * MINUTE, 30 * DAY);
    const createdAt = new Date(now.getTime() - age);
    const status: Status = crisis ? (crisisRank === 0 ? 'pending' : 'open') : pickStatus(rng, age);

    const intent = crisis ? crisis.intent : topic!.intent;
    const article = articleTitleFor(articles, intent, lang);
    let level = pickLevel(rng, severity, isPublic, topicCase?.staffOnly ?? true);
    // Without a published article the bot has nothing to answer with.
    if (level === 1 && !article) level = isPublic && topicCase && !topicCase.staffOnly ? 2 : 3;

    // Repeat customers: some people write again, sometimes on another channel.
    const returning = !crisis && customers.length > 10 && rng.chance(0.12)
      ? customers.filter((c) => book.contacts[c]!.lang === lang)
      : [];
    const contact = returning.length > 0
      ? rng.pick(returning)
      : book.create(lang, rng.pick(brand.segments[lang]), new Date(createdAt.getTime() - rng.between(MINUTE, 3 * DAY)));
    if (returning.length === 0) customers.push(contact);
    book.identify(contact, channel);

    const owner = pickOwner(rng, brand, level, severity, isPublic);
    const priority = PRIORITY[severity];
    const thread = planThread({
      rng, brand, now, createdAt, status, level, severity, lang, channel, topic, topicCase, crisis, article,
      customer: book.contacts[contact]!, assignee: owner.assignee,
    });
    // Half of the conversations nobody has answered yet still wait in the team queue, unassigned.
    const assignee = thread.firstResponseAt === null && owner.assignee !== 'supervisor' && rng.chance(0.5) ? null : owner.assignee;

    const tags = [crisis ? 'crise' : topic!.tag];
    if (severity === 'abusive') tags.push('moderation');
    if (severity === 'angry') tags.push('escalade');
    if (returning.length > 0) tags.push('client-recurrent');
    if (book.contacts[contact]!.segment === 'vip') tags.push('vip');

    return {
      contact, channel, lang, status, level, severity, intent, priority, team: owner.team, assignee, tags,
      subject: thread.subject,
      intentConfidence: Math.round((crisis ? 0.9 + rng.next() * 0.09 : 0.55 + rng.next() * 0.43) * 100) / 100,
      visibility: isPublic ? 'public' : 'private',
      messages: thread.messages,
      notes: thread.notes,
      firstResponseAt: thread.firstResponseAt,
      resolvedAt: thread.resolvedAt,
      lastMessageAt: thread.messages[thread.messages.length - 1]!.at,
      firstResponseDueAt: new Date(createdAt.getTime() + FIRST_RESPONSE_SLA[priority]!),
      resolutionDueAt: new Date(createdAt.getTime() + RESOLUTION_SLA[priority]!),
    } satisfies ConversationPlan;
  });

  return { contacts: book.contacts, expertContacts, conversations, articles };
}

function pickChannel(rng: Rng, brand: BrandContent, severity: Severity, staffOnly: boolean): ChannelType {
  // Rants go public; so do general questions, which the community forum and social pages are for.
  const leansPublic = severity === 'angry' || severity === 'abusive' || (severity === 'normal' && !staffOnly);
  const pool = leansPublic && rng.chance(severity === 'normal' ? 0.3 : 0.5)
    ? brand.channels.filter((c) => isPublicChannel(c.type))
    : brand.channels;
  return rng.weighted(pool, (c) => c.weight).type;
}

function pickStatus(rng: Rng, age: number): Status {
  const r = rng.next();
  if (age > 10 * DAY) return r < 0.6 ? 'closed' : r < 0.93 ? 'resolved' : 'pending';
  if (age > 3 * DAY) return r < 0.45 ? 'resolved' : r < 0.6 ? 'closed' : r < 0.82 ? 'pending' : 'open';
  return r < 0.45 ? 'open' : r < 0.75 ? 'pending' : 'resolved';
}

/** Complaints and anger only come with problems; a plain question stays calm. */
function pickTopic(rng: Rng, brand: BrandContent, severity: Severity, lang: Lang): Topic {
  const pool = severity === 'normal' ? brand.topics : brand.topics.filter((t) => t.cases[lang].some((c) => c.problem));
  return rng.weighted(pool, (t) => t.weight);
}

function pickCase(rng: Rng, cases: readonly Case[], severity: Severity): Case {
  return rng.pick(severity === 'normal' ? cases : cases.filter((c) => c.problem));
}

/**
 * Level 1 is automation, 2 community experts, 3 the core team or its provider. Experts answer
 * questions on public channels; anything that needs the customer's account goes to staff.
 */
function pickLevel(rng: Rng, severity: Severity, isPublic: boolean, staffOnly: boolean): 1 | 2 | 3 {
  if (severity !== 'normal') return 3;
  const r = rng.next();
  if (isPublic && !staffOnly) return r < 0.6 ? 2 : r < 0.85 ? 1 : 3;
  return r < 0.65 ? 1 : 3;
}

function pickOwner(rng: Rng, brand: BrandContent, level: number, severity: Severity, isPublic: boolean) {
  if (level === 1) return { team: null, assignee: null };
  if (level === 2) return { team: 'experts' as const, assignee: `expert${rng.int(0, brand.staff.experts.length - 1)}` as StaffKey };
  if (severity === 'crisis') return { team: 'core' as const, assignee: 'supervisor' as StaffKey };
  // Routine private cases can go to the outsourced provider; sensitive and public ones stay in-house.
  const routine = severity === 'normal' || severity === 'complaint';
  if (brand.teams.provider && brand.staff.providerAgents.length > 0 && routine && !isPublic && rng.chance(0.45)) {
    return { team: 'provider' as const, assignee: `provider${rng.int(0, brand.staff.providerAgents.length - 1)}` as StaffKey };
  }
  return { team: 'core' as const, assignee: `agent${rng.int(0, brand.staff.agents.length - 1)}` as StaffKey };
}

function planArticles(brand: BrandContent, rng: Rng, now: Date): ArticlePlan[] {
  const writers: StaffKey[] = ['supervisor', 'agent0', 'agent1', 'admin'];
  return brand.articles.map((seed, i) => {
    const createdAt = new Date(now.getTime() - rng.between(25 * DAY, 30 * DAY));
    const updatedAt = new Date(createdAt.getTime() + rng.between(HOUR, 4 * DAY));
    const published = (seed.status ?? 'published') === 'published';
    return { seed, author: seed.author ?? writers[i % writers.length]!, reviewer: published ? 'supervisor' : null, createdAt, updatedAt };
  });
}

/** The title level 1 points to: a published article for the intent, in the customer's language if there is one. */
function articleTitleFor(articles: ArticlePlan[], intent: string, lang: Lang): string | null {
  const published = articles.filter((a) => (a.seed.status ?? 'published') === 'published' && a.seed.intents.includes(intent));
  return (published.find((a) => a.seed.language === lang) ?? published[0])?.seed.title ?? null;
}
