// Plans one brand's demo records in memory, with no I/O: every random draw happens here, in a fixed
// order, so a seed always gives the same content (ids aside), whatever the database does.
import type { ChannelType, Severity } from '../db/schema/index.ts';
import type { Rng } from './demo-random.ts';
import type { ArticleSeed, BrandContent, Case, Lang, StaffKey, Topic } from './demo-types.ts';
import { ContactBook, type ContactPlan } from './demo-people.ts';
import { planThread, staffPerson, type MessagePlan, type NotePlan } from './demo-thread.ts';
import { targetsFor } from './demo-sla.ts';
import { asciiSlug } from './demo-phrases.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** How far back the demo history goes: two months, so the dashboards have a previous period to compare. */
export const DEMO_DAYS = 60;

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
  resolutionDueAt: Date | null;
  /** When the SLA sweeper would have flagged it: the first target missed, if any. */
  slaBreachedAt: Date | null;
  /** An intent the brand keeps to its core team. */
  confidential: boolean;
};

export type ArticlePlan = { seed: ArticleSeed; author: StaffKey; reviewer: StaffKey | null; createdAt: Date; updatedAt: Date };
export type BrandPlan = { contacts: ContactPlan[]; expertContacts: number[]; conversations: ConversationPlan[]; articles: ArticlePlan[] };

const PRIORITY: Record<Severity, number> = { normal: 1, complaint: 2, abusive: 2, angry: 3, crisis: 4 };

export function planBrand(brand: BrandContent, rng: Rng, now: Date): BrandPlan {
  const articles = planArticles(brand, rng, now);
  const book = new ContactBook(rng);
  const expertContacts = brand.staff.experts.map((person) => {
    const index = book.create('fr', 'expert communauté', new Date(now.getTime() - rng.between((DEMO_DAYS - 2) * DAY, DEMO_DAYS * DAY)), person);
    // A fixed address: the README lists it as the expert's demo login.
    book.reserveEmail(index, `${asciiSlug(person.first, '')}.${asciiSlug(person.last, '')}@example.com`);
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
      : rng.between(20 * MINUTE, DEMO_DAYS * DAY);
    const createdAt = new Date(now.getTime() - age);
    const status: Status = crisis ? (crisisRank === 0 ? 'pending' : 'open') : pickStatus(rng, age);

    const intent = crisis ? crisis.intent : topic!.intent;
    const confidential = brand.confidentialTopics.includes(intent);
    const article = articleTitleFor(articles, intent, lang);
    // Confidential topics stay with the core team.
    let level = confidential ? 3 : pickLevel(rng, severity, isPublic, topicCase?.staffOnly ?? true);
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

    const owner = pickOwner(rng, brand, level, severity, isPublic || confidential, status === 'open' || status === 'pending');
    const priority = PRIORITY[severity];
    const targets = targetsFor(channel, isPublic ? 'public' : 'private', severity);
    const thread = planThread({
      rng, brand, now, createdAt, status, level, severity, lang, channel, topic, topicCase, crisis, article,
      customer: book.contacts[contact]!, assignee: owner.assignee, targets,
    });
    const firstResponseDueAt = new Date(createdAt.getTime() + targets.firstResponseMs);
    const resolutionDueAt = targets.resolutionMs === null ? null : new Date(createdAt.getTime() + targets.resolutionMs);
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
      firstResponseDueAt,
      resolutionDueAt,
      slaBreachedAt: firstMiss(now, [[thread.firstResponseAt, firstResponseDueAt], [thread.resolvedAt, resolutionDueAt]]),
      confidential,
    } satisfies ConversationPlan;
  });

  giveProviderWork(brand, conversations);
  return { contacts: book.contacts, expertContacts, conversations, articles };
}

/**
 * The provider's approval queue needs cases in progress: hand it routine private ones until it has three,
 * its agent taking over the replies (and the name they are signed with).
 */
function giveProviderWork(brand: BrandContent, conversations: ConversationPlan[]) {
  if (!brand.teams.provider || brand.staff.providerAgents.length === 0) return;
  const inProgress = (c: ConversationPlan) => c.status === 'open' || c.status === 'pending';
  let held = conversations.filter((c) => c.team === 'provider' && inProgress(c)).length;
  for (const c of conversations) {
    if (held >= 3) break;
    if (c.team !== 'core' || c.level !== 3 || !inProgress(c) || c.confidential || c.visibility !== 'private') continue;
    if ((c.severity !== 'normal' && c.severity !== 'complaint') || !c.assignee?.startsWith('agent')) continue;
    const from = c.assignee;
    const to: StaffKey = `provider${held % brand.staff.providerAgents.length}`;
    const [fromName, toName] = [staffPerson(brand, from).first, staffPerson(brand, to).first];
    for (const m of c.messages) {
      if (m.author !== from) continue;
      m.author = to;
      m.body = m.body.replace(`\n${fromName}\n`, `\n${toName}\n`);
    }
    for (const n of c.notes) if (n.author === from) n.author = to;
    c.team = 'provider';
    c.assignee = to;
    held++;
  }
}

/** The earliest due time that passed before the thing it was due for happened (or still has not). */
function firstMiss(now: Date, pairs: [Date | null, Date | null][]): Date | null {
  const missed = pairs
    .filter(([done, due]) => due !== null && due < now && (done === null || done > due))
    .map(([, due]) => due!.getTime());
  return missed.length > 0 ? new Date(Math.min(...missed)) : null;
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
  // All2c: general questions the bot cannot settle go to the experts first, even in private.
  if (!staffOnly) return r < 0.5 ? 1 : r < 0.85 ? 2 : 3;
  return r < 0.6 ? 1 : 3;
}

function pickOwner(rng: Rng, brand: BrandContent, level: number, severity: Severity, inHouseOnly: boolean, inProgress: boolean) {
  if (level === 1) return { team: null, assignee: null };
  if (level === 2) return { team: 'experts' as const, assignee: `expert${rng.int(0, brand.staff.experts.length - 1)}` as StaffKey };
  if (severity === 'crisis') return { team: 'core' as const, assignee: 'supervisor' as StaffKey };
  // Routine private cases can go to the outsourced provider; sensitive, confidential and public ones stay
  // in-house. The provider carries more of the current workload than of the history.
  const routine = severity === 'normal' || severity === 'complaint';
  if (brand.teams.provider && brand.staff.providerAgents.length > 0 && routine && !inHouseOnly && rng.chance(inProgress ? 0.7 : 0.4)) {
    return { team: 'provider' as const, assignee: `provider${rng.int(0, brand.staff.providerAgents.length - 1)}` as StaffKey };
  }
  return { team: 'core' as const, assignee: `agent${rng.int(0, brand.staff.agents.length - 1)}` as StaffKey };
}

function planArticles(brand: BrandContent, rng: Rng, now: Date): ArticlePlan[] {
  const writers: StaffKey[] = ['supervisor', 'agent0', 'agent1', 'admin'];
  return brand.articles.map((seed, i) => {
    const createdAt = new Date(now.getTime() - rng.between((DEMO_DAYS - 5) * DAY, DEMO_DAYS * DAY));
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
