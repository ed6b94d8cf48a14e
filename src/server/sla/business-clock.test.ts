import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseOrgSettings } from '../organizations/org-settings.ts';
import { addTargetMinutes, elapsedTargetMinutes, type ClockSettings } from './business-clock.ts';
import { computeSlaDueDates, pickSlaTarget } from './sla-targets.ts';

const defaults = parseOrgSettings({}).sla;
// Monday to Friday, 09:00–18:00 in Paris (the defaults), on the business clock.
const business = (over: Partial<ClockSettings> = {}): ClockSettings => ({ ...defaults, clock: 'business', ...over });
const at = (iso: string) => new Date(iso);
const add = (start: string, minutes: number, c: ClockSettings) => addTargetMinutes(at(start), minutes, c).toISOString();

describe('business clock', () => {
  it('around the clock, adds and measures plain minutes, across a clock change too', () => {
    const always = { ...defaults, clock: 'always' as const };
    assert.equal(add('2026-01-17T22:00:00.000Z', 90, always), '2026-01-17T23:30:00.000Z');
    // 24 hours over the spring-forward night are 24 real hours.
    assert.equal(add('2026-03-28T12:00:00.000Z', 1440, always), '2026-03-29T12:00:00.000Z');
    assert.equal(elapsedTargetMinutes(at('2026-01-17T22:00:00Z'), at('2026-01-18T01:00:00Z'), always), 180);
    assert.equal(elapsedTargetMinutes(at('2026-01-18T01:00:00Z'), at('2026-01-17T22:00:00Z'), always), 0);
  });

  it('stops for the weekend: Friday 17:00 plus two hours is Monday 10:00', () => {
    // Winter in Paris is UTC+1: 17:00 local is 16:00Z.
    assert.equal(add('2026-01-16T16:00:00.000Z', 120, business()), '2026-01-19T09:00:00.000Z');
    assert.equal(elapsedTargetMinutes(at('2026-01-16T16:00:00Z'), at('2026-01-19T09:00:00Z'), business()), 120);
    // Saturday counts for nothing.
    assert.equal(elapsedTargetMinutes(at('2026-01-17T08:00:00Z'), at('2026-01-17T20:00:00Z'), business()), 0);
  });

  it('starts in the evening at the next opening', () => {
    // Tuesday 20:00 local: the 30 minutes run from Wednesday 09:00.
    assert.equal(add('2026-01-13T19:00:00.000Z', 30, business()), '2026-01-14T08:30:00.000Z');
    assert.equal(elapsedTargetMinutes(at('2026-01-13T19:00:00Z'), at('2026-01-14T08:30:00Z'), business()), 30);
  });

  it('skips holidays (local dates)', () => {
    const c = business({ holidays: ['2026-01-14'] });
    // Tuesday 17:30: half an hour on Tuesday, Wednesday is a holiday, the rest on Thursday.
    assert.equal(add('2026-01-13T16:30:00.000Z', 60, c), '2026-01-15T08:30:00.000Z');
    assert.equal(elapsedTargetMinutes(at('2026-01-13T16:30:00Z'), at('2026-01-15T08:30:00Z'), c), 60);
  });

  it('keeps local opening hours across Paris\'s spring and autumn clock changes', () => {
    // Friday 27 March 17:00 CET (16:00Z) + 2 h → Monday 30 March 10:00 CEST, which is 08:00Z.
    assert.equal(add('2026-03-27T16:00:00.000Z', 120, business()), '2026-03-30T08:00:00.000Z');
    // Friday 23 October 17:00 CEST (15:00Z) + 2 h → Monday 26 October 10:00 CET, which is 09:00Z.
    assert.equal(add('2026-10-23T15:00:00.000Z', 120, business()), '2026-10-26T09:00:00.000Z');
    // Sunday 29 March open 01:00–04:00 local: only two real hours that night (02:00 does not exist).
    const sunday = business({ week: { ...defaults.week, sun: [['01:00', '04:00']] } });
    assert.equal(elapsedTargetMinutes(at('2026-03-28T20:00:00Z'), at('2026-03-29T12:00:00Z'), sunday), 120);
    // Sunday 25 October open 01:00–04:00 local: four real hours (02:00–03:00 happens twice).
    const autumn = business({ week: { ...defaults.week, sun: [['01:00', '04:00']] } });
    assert.equal(elapsedTargetMinutes(at('2026-10-24T20:00:00Z'), at('2026-10-25T12:00:00Z'), autumn), 240);
    // Opening at 02:30, a time the spring night skips: the clock starts at 03:30 CEST (01:30Z).
    const gap = business({ week: { ...defaults.week, sun: [['02:30', '05:00']] } });
    assert.equal(add('2026-03-28T20:00:00.000Z', 10, gap), '2026-03-29T01:40:00.000Z');
  });

  it('uses the organization\'s time zone', () => {
    // 09:00 in New York (UTC−5 in January) is 14:00Z.
    assert.equal(add('2026-01-13T12:00:00.000Z', 15, business({ timezone: 'America/New_York' })), '2026-01-13T14:15:00.000Z');
  });

  it('runs around the clock when the week has no hours at all or the time zone is unknown', () => {
    const closed = business({ week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });
    assert.equal(add('2026-01-17T22:00:00.000Z', 60, closed), '2026-01-17T23:00:00.000Z');
    assert.equal(add('2026-01-17T22:00:00.000Z', 60, business({ timezone: 'Mars/Olympus_Mons' })), '2026-01-17T23:00:00.000Z');
  });
});

describe('response-time targets', () => {
  const subject = (channelType: any, over: { visibility?: 'public' | 'private'; severity?: any } = {}) =>
    ({ channelType, visibility: over.visibility ?? 'private', severity: over.severity ?? 'normal' });
  const first = (s: ReturnType<typeof subject>) => pickSlaTarget(defaults.targets, s)?.firstResponseMinutes;

  it('has sensible defaults per channel and severity', () => {
    assert.equal(first(subject('facebook', { visibility: 'public' })), 60);
    assert.equal(first(subject('x', { visibility: 'public' })), 60);
    assert.equal(first(subject('chat')), 2);
    assert.equal(first(subject('email')), 1440);
    assert.equal(first(subject('web_form')), 1440);
    assert.equal(first(subject('sms')), 60);
    assert.equal(first(subject('community')), 240);
    // A crisis wins over every channel's own target.
    assert.equal(first(subject('email', { severity: 'crisis' })), 15);
    assert.equal(first(subject('chat', { severity: 'crisis' })), 15);
  });

  it('takes the first matching target, and none when nothing matches', () => {
    const targets = [
      { channelTypes: ['email' as const], severity: 'angry' as const, firstResponseMinutes: 120, resolutionMinutes: null },
      { channelTypes: ['email' as const], firstResponseMinutes: 600, resolutionMinutes: 2880 },
    ];
    assert.equal(pickSlaTarget(targets, subject('email', { severity: 'angry' }))?.firstResponseMinutes, 120);
    assert.equal(pickSlaTarget(targets, subject('email'))?.firstResponseMinutes, 600);
    assert.equal(pickSlaTarget(targets, subject('chat')), null);
    assert.equal(computeSlaDueDates({ ...defaults, targets }, subject('chat'), new Date()), null);
  });

  it('computes both due dates; a crisis runs around the clock even on a business clock', () => {
    const settings = { ...defaults, clock: 'business' as const };
    // Friday 17:00 in Paris, an email: 24 hours of business time (1 h Friday, 9 h Monday, 9 h Tuesday, 5 h
    // Wednesday) run to Wednesday 14:00; the 72 hours of resolution to Wednesday 17:00 a week later.
    const email = computeSlaDueDates(settings, subject('email'), at('2026-01-16T16:00:00Z'))!;
    assert.equal(email.firstResponseDueAt.toISOString(), '2026-01-21T13:00:00.000Z');
    assert.equal(email.resolutionDueAt!.toISOString(), '2026-01-28T16:00:00.000Z');
    // A crisis on Saturday night is due 15 real minutes later.
    const crisis = computeSlaDueDates(settings, subject('email', { severity: 'crisis' }), at('2026-01-17T22:00:00Z'))!;
    assert.equal(crisis.firstResponseDueAt.toISOString(), '2026-01-17T22:15:00.000Z');
  });
});
