// Pure pieces of the reports: the range rules and the CSV writer.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { csvCell, toCsv } from './csv.ts';
import { defaultInterval, localMidnight, resolveRange, usableTimezone } from './report-range.ts';

const DAY = 86_400_000;

describe('report range', () => {
  const now = new Date('2025-07-15T09:30:00Z');

  it('defaults to 30 calendar days in the zone, today included, up to now', () => {
    const r = resolveRange({}, 'Europe/Paris', now);
    // Paris is UTC+2 in summer: 06-16 00:00 local is 06-15 22:00Z.
    assert.equal(r.from.toISOString(), '2025-06-15T22:00:00.000Z');
    assert.equal(r.to, now);
    assert.equal(r.interval, 'day');
  });

  it('reads date-only bounds as local days, the end day included', () => {
    const r = resolveRange({ from: '2025-01-10', to: '2025-01-10' }, 'Europe/Paris', now);
    assert.equal(r.from.toISOString(), '2025-01-09T23:00:00.000Z');
    assert.equal(r.to.toISOString(), '2025-01-10T23:00:00.000Z');
    assert.equal(r.interval, 'hour');
    assert.equal(localMidnight('2025-10-26', 'Europe/Paris', 1).toISOString(), '2025-10-26T23:00:00.000Z'); // back to winter time
  });

  it('picks the interval from the span', () => {
    assert.deepEqual([2, 3, 92, 93, 366, 367].map((d) => defaultInterval(d * DAY)), ['hour', 'day', 'day', 'week', 'week', 'month']);
  });

  it('refuses inverted, empty and over-long ranges and too many buckets', () => {
    const bad = (input: Parameters<typeof resolveRange>[0]) =>
      assert.throws(() => resolveRange(input, 'UTC', now), (e: unknown) => e instanceof AppError && e.code === 'bad_request');
    bad({ from: '2025-03-02', to: '2025-03-01' });
    bad({ from: '2025-03-01T00:00:00Z', to: '2025-03-01T00:00:00Z' });
    bad({ from: '2023-01-01', to: '2025-01-02' });
    bad({ from: '2025-01-01', to: '2025-02-15', interval: 'hour' });
    assert.equal(resolveRange({ from: '2023-01-02', to: '2025-01-01' }, 'UTC', now).interval, 'month'); // exactly two years
  });

  it('falls back to UTC for a zone nobody knows', () => {
    assert.equal(usableTimezone('Mars/Olympus'), 'UTC');
    assert.equal(usableTimezone('America/Montreal'), 'America/Montreal');
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and defuses formulas in text, not in numbers', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    for (const start of ['=', '+', '-', '@', '\t']) assert.equal(csvCell(`${start}1+1`), `'${start}1+1`);
    assert.equal(csvCell(-3), '-3');
    assert.equal(csvCell(0.25), '0.25');
    assert.equal(csvCell(null), '');
    assert.equal(toCsv({ header: ['a', 'b'], rows: [[1, '=x']] }), "a,b\r\n1,'=x\r\n");
  });
});
