// One conversation's thread: who says what, when. The shape follows the status (an open conversation
// ends with the customer, a pending one with staff), and times stay between creation and `now`.
import type { ChannelType, Severity } from '../db/schema/index.ts';
import { createFiller, type Rng } from './demo-random.ts';
import type { BrandContent, Case, CrisisCase, Lang, Person, StaffKey, Topic } from './demo-types.ts';
import type { ContactPlan } from './demo-people.ts';
import { empathyLines, moderationReplies, severityNotes } from './demo-phrases.ts';
import { asCustomerMessage, asStaffMessage, capitalize, customerOpener, elide, type StaffVoice } from './demo-texts.ts';
import { fitToTargets, type Targets } from './demo-sla.ts';

export type MessagePlan = { at: Date; author: StaffKey | null; authorKind: 'customer' | 'bot' | 'expert' | 'agent'; body: string };
export type NotePlan = { at: Date; author: StaffKey; body: string };

type Step = 'S1' | 'C2' | 'S2' | 'T' | 'N';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SUBJECT_CHANNELS: readonly ChannelType[] = ['email', 'web_form', 'api', 'community'];

export type ThreadArgs = {
  rng: Rng; brand: BrandContent; now: Date; createdAt: Date;
  status: 'open' | 'pending' | 'resolved' | 'closed'; level: 1 | 2 | 3; severity: Severity; lang: Lang; channel: ChannelType;
  topic: Topic | null; topicCase: Case | null; crisis: CrisisCase | null; article: string | null;
  customer: ContactPlan; assignee: StaffKey | null;
  /** The conversation's response-time targets: the timeline mostly meets them. */
  targets: Targets;
};

export function staffPerson(brand: BrandContent, key: StaffKey): Person {
  const s = brand.staff;
  if (key === 'admin') return s.admin;
  if (key === 'supervisor') return s.supervisor;
  if (key === 'bot') return { first: s.botName, last: '' };
  const n = Number(key.replace(/\D+/g, ''));
  const list = key.startsWith('agent') ? s.agents : key.startsWith('provider') ? s.providerAgents : s.experts;
  return list[n]!;
}

function shape(rng: Rng, a: ThreadArgs): Step[] {
  if (a.crisis) return a.status === 'open' ? [] : ['S1'];
  const r = rng.next();
  const done = a.status === 'resolved' || a.status === 'closed';
  // A follow-up question needs a real answer, which the generic closing lines are not: such threads stop before it.
  const asksBack = a.topicCase?.more.trim().endsWith('?') ?? false;
  if (asksBack && a.status !== 'open') return done && r < 0.5 ? ['S1', 'T'] : ['S1'];
  // The bot and community experts answer once: follow-ups that need more go to staff.
  if (a.level < 3) {
    if (a.status === 'open') return r < 0.6 ? [] : ['S1', 'C2'];
    if (a.status === 'pending') return ['S1'];
    return r < 0.5 ? ['S1'] : ['S1', 'T'];
  }
  if (a.status === 'open') return r < 0.4 ? [] : r < 0.55 ? ['N'] : ['S1', 'C2'];
  if (!done) return r < 0.65 ? ['S1'] : ['S1', 'C2', 'S2'];
  return r < 0.35 ? ['S1'] : r < 0.7 ? ['S1', 'T'] : r < 0.9 ? ['S1', 'C2', 'S2'] : ['S1', 'C2', 'S2', 'T'];
}

/** How long staff take to answer first: seconds for the bot, minutes for a crisis, hours otherwise. */
function firstDelay(rng: Rng, level: number, severity: Severity): number {
  if (level === 1) return rng.between(20_000, 3 * MINUTE);
  if (severity === 'crisis') return rng.between(3 * MINUTE, 12 * MINUTE);
  if (severity === 'angry') return rng.between(20 * MINUTE, 3 * HOUR);
  if (severity !== 'normal') return rng.between(40 * MINUTE, 10 * HOUR);
  return level === 2 ? rng.between(30 * MINUTE, 20 * HOUR) : rng.between(30 * MINUTE, 12 * HOUR);
}

export function planThread(a: ThreadArgs) {
  const { rng, brand, lang, channel, topic, topicCase, crisis } = a;
  const who = a.customer.person;
  const { fill, values } = createFiller(rng, [brand.slots.common, brand.slots[lang]], { prenom: who.first, article: a.article ?? '' });
  const text = (t: string) => (lang === 'fr' ? elide(capitalize(fill(t))) : capitalize(fill(t)));
  const author: StaffKey = a.level === 1 ? 'bot' : (a.assignee ?? 'supervisor');
  const voice: StaffVoice = { person: staffPerson(brand, author), kind: a.level === 1 ? 'bot' : a.level === 2 ? 'expert' : 'agent' };

  const subject = SUBJECT_CHANNELS.includes(channel)
    ? crisis ? (crisis.subject ? text(crisis.subject) : null) : text(rng.pick(topic!.subjects[lang]))
    : null;
  const opener = crisis ? text(crisis.opener) : customerOpener(rng, text(topicCase!.ask), a.severity, lang);

  const steps: { offset: number; author: StaffKey | null; body: string }[] = [
    { offset: 0, author: null, body: asCustomerMessage(rng, brand, channel, lang, who, opener, true) },
  ];
  let t = 0;
  for (const step of shape(rng, a)) {
    if (step === 'S1') {
      t += firstDelay(rng, a.level, a.severity);
      let body: string;
      if (crisis) body = text(crisis.reply);
      else if (a.level === 1) body = text(rng.pick(brand.botReplies[lang]));
      else if (a.severity === 'abusive') body = rng.pick(moderationReplies[lang]);
      else {
        body = text(topicCase!.answer);
        if (a.level === 2) body = `${rng.pick(brand.expertLeadIns[lang])} ${body}`;
        if (a.severity === 'angry') body = `${rng.pick(empathyLines[lang])} ${body}`;
      }
      steps.push({ offset: t, author, body: asStaffMessage(brand, channel, lang, who, voice, body, true) });
    } else if (step === 'S2') {
      t += rng.between(20 * MINUTE, 8 * HOUR);
      steps.push({ offset: t, author, body: asStaffMessage(brand, channel, lang, who, voice, text(rng.pick(brand.finalReplies[lang])), false) });
    } else {
      t += step === 'C2' ? rng.between(10 * MINUTE, 20 * HOUR) : step === 'T' ? rng.between(5 * MINUTE, 6 * HOUR) : rng.between(2 * HOUR, 26 * HOUR);
      const line = step === 'C2' ? text(topicCase!.more) : rng.pick((step === 'T' ? brand.thanks : brand.nudges)[lang]);
      steps.push({ offset: t, author: null, body: asCustomerMessage(rng, brand, channel, lang, who, line, false) });
    }
  }

  const firstReply = steps.find((s) => s.author !== null)?.offset;
  const noteAuthor: StaffKey = a.level === 3 && a.assignee ? a.assignee : 'supervisor';
  // Notes are in French whatever the customer's language, but about the same train or order.
  const { fill: fillNote } = createFiller(rng, [brand.slots.common, brand.slots.fr], pickKeys(values, brand.slots.common));
  const notes: { offset: number; author: StaffKey; body: string }[] = [];
  const noteAt = () => (firstReply !== undefined ? Math.round(firstReply * (0.3 + rng.next() * 0.6)) : rng.between(2 * MINUTE, 15 * MINUTE));
  if (crisis) {
    crisis.notes.forEach((body, i) => notes.push({
      offset: firstReply !== undefined ? firstReply + (i === 0 ? -MINUTE : rng.between(5 * MINUTE, 30 * MINUTE)) : (i + 1) * 4 * MINUTE,
      author: 'supervisor', body: elide(fillNote(body)),
    }));
  } else if (a.severity !== 'normal' && a.level > 1 && rng.chance(a.level === 3 ? 0.9 : 0.5)) {
    notes.push({ offset: noteAt(), author: noteAuthor, body: elide(fillNote(rng.pick(severityNotes[a.severity as 'complaint' | 'angry' | 'abusive']))) });
  } else if (a.level === 3 && rng.chance(0.3)) {
    const pool = topic?.notes && rng.chance(0.6) ? topic.notes : severityNotes.normal;
    notes.push({ offset: noteAt(), author: noteAuthor, body: elide(fillNote(rng.pick(pool))) });
  }

  const done = a.status === 'resolved' || a.status === 'closed';
  const plannedResolved = done ? t + rng.between(2 * MINUTE, 3 * HOUR) : null;
  const fit = fitToTargets(rng, a.targets, firstReply, plannedResolved, a.level === 1 || crisis !== null);
  for (const s of steps) s.offset = fit(s.offset);
  for (const n of notes) n.offset = Math.max(MINUTE, fit(n.offset));
  const resolvedOffset = plannedResolved === null ? null : fit(plannedResolved);
  const lastStep = steps[steps.length - 1]!.offset;
  // Squeeze the thread into the time since it started: nothing may happen after `now`.
  const latest = Math.max(lastStep, resolvedOffset ?? 0, ...notes.map((n) => n.offset));
  const room = a.now.getTime() - MINUTE - a.createdAt.getTime();
  const k = latest > room ? room / latest : 1;
  const at = (offset: number) => new Date(a.createdAt.getTime() + Math.floor(offset * k));

  const messages: MessagePlan[] = steps.map((s) => ({
    at: at(s.offset), author: s.author, body: s.body,
    authorKind: s.author === null ? 'customer' : voice.kind,
  }));
  return {
    subject,
    messages,
    notes: notes.map((n): NotePlan => ({ at: at(Math.max(MINUTE, n.offset)), author: n.author, body: n.body })),
    firstResponseAt: firstReply !== undefined ? at(fit(firstReply)) : null,
    resolvedAt: resolvedOffset !== null ? at(resolvedOffset) : null,
  };
}

function pickKeys(values: Record<string, string>, table: object): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => key in table));
}
