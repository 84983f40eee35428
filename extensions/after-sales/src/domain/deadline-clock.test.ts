import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import data from 'chinese-days/dist/chinese-days.json';
import { officialCalendar } from './official-calendar';
import {
  clockStatus,
  computeDeadline,
  overdueBy,
  yearsWithoutOfficialData,
  calendarGapYears,
  type ClockInput,
  type DeadlineRule,
  type LimitUnit,
  type Pause,
} from './deadline-clock';
import { createWorkCalendar } from './work-calendar';

const TZ = 'Asia/Shanghai';
const HOUR = 3_600_000;
const calendar = createWorkCalendar(officialCalendar(data, [2026]));
const at = (iso: string) => new Date(iso);
const rule = (limit_value: number, limit_unit: LimitUnit, warn_ratio = 0.75): DeadlineRule => ({ limit_value, limit_unit, warn_ratio });
const plus = (instant: Date, hours: number) => new Date(instant.getTime() + hours * HOUR);

/** 24 hours from 2026-11-02 10:00 Shanghai: due 2026-11-03T02:00Z, warning 18 hours in. */
const dayClock: ClockInput = { start: at('2026-11-02T02:00:00Z'), rule: rule(24, 'hours'), calendar, timeZone: TZ };

// The same cases under process time zones on both sides of UTC: only the `timeZone` argument may matter.
describe.each([
  ['UTC', 0],
  ['Asia/Shanghai', -480],
  ['America/Los_Angeles', 480],
  ['Pacific/Kiritimati', -840],
])('computeDeadline with the process in %s', (processZone, offsetMinutes) => {
  const saved = process.env['TZ'];
  beforeAll(() => {
    process.env['TZ'] = processZone;
  });
  afterAll(() => {
    process.env['TZ'] = saved;
  });

  test('the process time zone really is switched', () => {
    expect(at('2026-11-05T12:00:00Z').getTimezoneOffset()).toBe(offsetMinutes);
  });

  test.each([
    // start (UTC)             limit unit        due (UTC)                 warn (UTC) at 0.75      why
    ['2026-11-05T15:59:00Z', 24, 'hours', '2026-11-06T15:59:00.000Z', '2026-11-06T09:59:00.000Z', '24 hours exactly'],
    ['2026-11-02T02:00:00Z', 13, 'days', '2026-11-15T16:00:00.000Z', '2026-11-12T06:30:00.000Z', '13 days from Mon 10:00: 24:00 of Nov 15'],
    ['2026-11-05T15:59:00Z', 1, 'days', '2026-11-06T16:00:00.000Z', '2026-11-06T09:59:45.000Z', '23:59 Nov 5: Nov 6 is day 1'],
    ['2026-11-05T16:00:00Z', 1, 'days', '2026-11-07T16:00:00.000Z', '2026-11-07T04:00:00.000Z', '00:00 Nov 6: Nov 7 is day 1'],
    ['2026-11-06T02:00:00Z', 3, 'workdays', '2026-11-11T16:00:00.000Z', '2026-11-10T06:30:00.000Z', 'Friday: Mon, Tue, Wed'],
    ['2026-11-05T15:59:00Z', 1, 'workdays', '2026-11-06T16:00:00.000Z', '2026-11-06T09:59:45.000Z', '23:59 Thu: Friday counts'],
    ['2026-11-05T16:00:00Z', 1, 'workdays', '2026-11-09T16:00:00.000Z', '2026-11-08T16:00:00.000Z', '00:00 Fri: Monday counts'],
    ['2026-11-07T02:00:00Z', 1, 'workdays', '2026-11-09T16:00:00.000Z', '2026-11-09T00:30:00.000Z', 'Saturday start: Monday'],
    [
      '2026-02-13T02:00:00Z',
      2,
      'workdays',
      '2026-02-24T16:00:00.000Z',
      '2026-02-21T18:30:00.000Z',
      'Spring Festival: Sat Feb 14 make-up, then Feb 24',
    ],
    ['2026-02-27T02:00:00Z', 1, 'workdays', '2026-02-28T16:00:00.000Z', '2026-02-28T06:30:00.000Z', 'Spring Festival: Sat Feb 28 make-up'],
    ['2026-09-18T02:00:00Z', 1, 'workdays', '2026-09-20T16:00:00.000Z', '2026-09-20T00:30:00.000Z', 'National Day: Sun Sep 20 make-up'],
    ['2026-09-24T02:00:00Z', 1, 'workdays', '2026-09-28T16:00:00.000Z', '2026-09-27T12:30:00.000Z', 'Mid-autumn Festival skipped'],
    [
      '2026-09-30T02:00:00Z',
      3,
      'workdays',
      '2026-10-10T16:00:00.000Z',
      '2026-10-08T00:30:00.000Z',
      'National Day: Oct 8, 9, Sat 10 make-up',
    ],
  ])('%s + %i %s → due %s, warn %s (%s)', (start, limit, unit, due, warn) => {
    const deadline = computeDeadline({ start: at(start), rule: rule(limit, unit as LimitUnit), calendar, timeZone: TZ });
    expect(deadline.dueAt.toISOString()).toBe(due);
    expect(deadline.warnAt.toISOString()).toBe(warn);
  });

  test.each([
    ['2026-11-05T15:59:00Z', 'breached', '23:59 Thu start, due 24:00 Fri'],
    ['2026-11-05T16:00:00Z', 'on_track', '00:00 Fri start, due 24:00 Mon'],
  ])('1-workday clock started %s, on Sat 00:30 Shanghai: %s (%s)', (start, expected) => {
    const input = { start: at(start), rule: rule(1, 'workdays'), calendar, timeZone: TZ };
    expect(clockStatus({ ...input, now: at('2026-11-06T16:30:00Z') })).toBe(expected);
  });
});

describe('computeDeadline in a zone with daylight saving time', () => {
  test.each([
    ['2026-03-06T15:00:00Z', 2, 'days', '2026-03-09T04:00:00.000Z', 'spring forward inside the span: 24:00 EDT'],
    ['2026-10-30T15:00:00Z', 2, 'days', '2026-11-02T05:00:00.000Z', 'fall back inside the span: 24:00 EST'],
    ['2026-03-07T15:00:00Z', 24, 'hours', '2026-03-08T15:00:00.000Z', 'hours are elapsed time, not wall-clock time'],
  ])('New York %s + %i %s → %s (%s)', (start, limit, unit, due) => {
    const input = { start: at(start), rule: rule(limit, unit as LimitUnit), calendar, timeZone: 'America/New_York' };
    expect(computeDeadline(input).dueAt.toISOString()).toBe(due);
  });
});

describe('pauses', () => {
  const start = dayClock.start;
  test.each<[string, Pause[], number]>([
    ['paused 2 h in for 3 h', [{ from: plus(start, 2), to: plus(start, 5) }], 3],
    ['a two-day pause counts as wall-clock time', [{ from: plus(start, 1), to: plus(start, 49) }], 48],
    [
      'two pauses add up',
      [
        { from: plus(start, 1), to: plus(start, 2) },
        { from: plus(start, 4), to: plus(start, 6) },
      ],
      3,
    ],
    [
      'overlapping pauses count once',
      [
        { from: plus(start, 1), to: plus(start, 3) },
        { from: plus(start, 2), to: plus(start, 4) },
      ],
      3,
    ],
    ['a pause from before the start is clipped to the start', [{ from: plus(start, -2), to: plus(start, 1) }], 1],
    ['a pause entirely before the start is ignored', [{ from: plus(start, -5), to: plus(start, -1) }], 0],
    ['an open pause is ignored', [{ from: plus(start, 2), to: null }], 0],
    ['a zero-length pause is nothing', [{ from: plus(start, 2), to: plus(start, 2) }], 0],
  ])('%s: due and warning move by %i h', (_why, pauses, shiftHours) => {
    const { dueAt, warnAt } = computeDeadline({ ...dayClock, pauses });
    expect(dueAt).toEqual(plus(start, 24 + shiftHours));
    expect(warnAt).toEqual(plus(start, 18 + shiftHours));
  });

  test('pause then resume: a clock that was about to breach is back on track after resuming', () => {
    const now = plus(start, 25);
    const pause = { from: plus(start, 10), to: null };
    expect(clockStatus({ ...dayClock, now: plus(start, 12), pauses: [pause] })).toBe('paused');
    expect(clockStatus({ ...dayClock, now, pauses: [pause] })).toBe('paused');
    const resumed = [{ ...pause, to: plus(start, 15) }];
    expect(computeDeadline({ ...dayClock, pauses: resumed }).dueAt).toEqual(plus(start, 29));
    expect(clockStatus({ ...dayClock, now, pauses: resumed })).toBe('warning');
    expect(clockStatus({ ...dayClock, now: plus(start, 29), pauses: resumed })).toBe('breached');
  });
});

describe('clockStatus and overdueBy', () => {
  const start = dayClock.start;
  const openPause: Pause = { from: plus(start, 20), to: null };
  test.each<[string, number, number | null, Pause[], string, number]>([
    // why                                 now h  stopped h  pauses      status       overdue h
    ['just started', 0, null, [], 'on_track', 0],
    ['before the warning', 17.5, null, [], 'on_track', 0],
    ['at the warning', 18, null, [], 'warning', 0],
    ['between warning and due', 23, null, [], 'warning', 0],
    ['at the due time', 24, null, [], 'breached', 0],
    ['past the due time', 30, null, [], 'breached', 6],
    ['paused before the due time', 30, null, [openPause], 'paused', 0],
    ['paused after the due time', 30, null, [{ from: plus(start, 26), to: null }], 'paused', 2],
    ['stopped early', 30, 10, [], 'met', 0],
    ['stopped exactly at the due time', 30, 24, [], 'met', 0],
    ['stopped late', 30, 27, [], 'met_late', 3],
    ['stopped late, a closed pause makes it on time', 30, 27, [{ from: plus(start, 1), to: plus(start, 4) }], 'met', 0],
    ['stopped while still paused: the pause counts up to the stop', 40, 28, [openPause], 'met', 0],
    ['stopped while paused after a breach', 40, 30, [{ from: plus(start, 26), to: null }], 'met_late', 2],
  ])('%s: %s', (_why, nowHours, stoppedHours, pauses, status, overdueHours) => {
    const input = { ...dayClock, pauses, now: plus(start, nowHours), stoppedAt: stoppedHours === null ? null : plus(start, stoppedHours) };
    expect(clockStatus(input)).toBe(status);
    expect(overdueBy(input)).toBe(overdueHours * HOUR);
  });

  test('an omitted stoppedAt is a running clock', () => {
    expect(clockStatus({ ...dayClock, now: plus(start, 30) })).toBe('breached');
    expect(overdueBy({ ...dayClock, now: plus(start, 30) })).toBe(6 * HOUR);
  });
});

test('a holiday added after the clock started moves the working-day due date', () => {
  const start = at('2026-11-06T02:00:00Z'); // Friday 10:00 Shanghai, 3 working days
  const clock = { start, rule: rule(3, 'workdays'), timeZone: TZ };
  const now = at('2026-11-12T04:00:00Z'); // Thursday 12:00 Shanghai
  const before = createWorkCalendar(officialCalendar(data, [2026]));
  const after = createWorkCalendar([...officialCalendar(data, [2026]), { date: '2026-11-10', is_workday: false, source: 'company' }]);

  expect(computeDeadline({ ...clock, calendar: before }).dueAt.toISOString()).toBe('2026-11-11T16:00:00.000Z');
  expect(clockStatus({ ...clock, calendar: before, now })).toBe('breached');
  expect(computeDeadline({ ...clock, calendar: after }).dueAt.toISOString()).toBe('2026-11-12T16:00:00.000Z');
  expect(clockStatus({ ...clock, calendar: after, now })).toBe('warning');
});

test('a company working-day override on a Saturday counts toward a working-day deadline', () => {
  const withSaturday = createWorkCalendar([...officialCalendar(data, [2026]), { date: '2026-11-07', is_workday: true, source: 'company' }]);
  const input = { start: at('2026-11-06T02:00:00Z'), rule: rule(1, 'workdays'), timeZone: TZ };
  expect(computeDeadline({ ...input, calendar }).dueAt.toISOString()).toBe('2026-11-09T16:00:00.000Z');
  expect(computeDeadline({ ...input, calendar: withSaturday }).dueAt.toISOString()).toBe('2026-11-07T16:00:00.000Z');
});

describe('yearsWithoutOfficialData (only 2026 data given)', () => {
  test.each([
    ['2026-11-06T02:00:00Z', 3, 'workdays', [], 'inside 2026'],
    ['2026-12-28T02:00:00Z', 5, 'workdays', [2027], 'Dec 29, 30, 31 then two days of 2027'],
    ['2026-12-30T02:00:00Z', 1, 'workdays', [], 'due 24:00 Dec 31 = 00:00 Jan 1, 2027 is not entered'],
    ['2026-12-31T15:00:00Z', 2, 'hours', [2027], '23:00 Dec 31 Shanghai + 2 h'],
    ['2025-12-31T02:00:00Z', 1, 'workdays', [2025], 'starting in a year without data'],
  ])('%s + %i %s → %o (%s)', (start, limit, unit, expected) => {
    const input = { start: at(start), rule: rule(limit, unit as LimitUnit), calendar, timeZone: TZ };
    const { dueAt } = computeDeadline(input);
    expect(yearsWithoutOfficialData(calendar, input.start, dueAt, TZ)).toEqual(expected);
  });

  test('the years are local years, not UTC years', () => {
    const start = at('2026-12-31T16:30:00Z'); // already 2027 in Shanghai, still 2026 in UTC
    expect(yearsWithoutOfficialData(calendar, start, plus(start, 1), TZ)).toEqual([2027]);
    expect(yearsWithoutOfficialData(calendar, start, plus(start, 1), 'UTC')).toEqual([]);
  });
});

describe('rule validation', () => {
  test.each<[string, DeadlineRule, RegExp]>([
    ['limit 0', rule(0, 'days'), /limit_value/],
    ['negative limit', rule(-3, 'days'), /limit_value/],
    ['fractional limit', rule(1.5, 'hours'), /limit_value/],
    ['NaN limit', rule(Number.NaN, 'hours'), /limit_value/],
    ['warn_ratio 0', rule(3, 'days', 0), /warn_ratio/],
    ['warn_ratio 1', rule(3, 'days', 1), /warn_ratio/],
    ['warn_ratio above 1', rule(3, 'days', 1.2), /warn_ratio/],
    ['warn_ratio NaN', rule(3, 'days', Number.NaN), /warn_ratio/],
    ['unknown unit', rule(3, 'weeks' as LimitUnit), /limit_unit/],
  ])('%s throws a RangeError', (_why, badRule, message) => {
    const input = { ...dayClock, rule: badRule };
    expect(() => computeDeadline(input)).toThrow(RangeError);
    expect(() => computeDeadline(input)).toThrow(message);
    expect(() => clockStatus({ ...input, now: dayClock.start })).toThrow(RangeError);
  });

  test('a pause that ends before it starts throws a RangeError', () => {
    const pauses = [{ from: plus(dayClock.start, 3), to: plus(dayClock.start, 2) }];
    expect(() => computeDeadline({ ...dayClock, pauses })).toThrow(RangeError);
  });

  test('an invalid start throws a RangeError', () => {
    expect(() => computeDeadline({ ...dayClock, start: at('not a date') })).toThrow(RangeError);
  });
});

describe('calendarGapYears (only 2026 data given)', () => {
  test.each([
    ['2026-10-31T15:59:59Z', [], '23:59:59 on 31 October in Shanghai: too early for next year'],
    ['2026-10-31T16:00:00Z', [2027], '00:00 on 1 November in Shanghai (still 31 October in UTC)'],
    ['2026-12-31T02:00:00Z', [2027], 'December'],
    ['2027-03-01T02:00:00Z', [2027], 'a year without data is reported all year'],
    ['2026-03-01T02:00:00Z', [], 'this year known, next year not due yet'],
  ])('%s → %o (%s)', (now, expected) => {
    expect(calendarGapYears(calendar, at(now), TZ)).toEqual(expected);
  });

  test('an imported notice counts as official data', () => {
    const withNotice = createWorkCalendar([...officialCalendar(data, [2026]), { date: '2027-01-01', is_workday: false, source: 'notice' }]);
    expect(calendarGapYears(withNotice, at('2026-11-01T02:00:00Z'), TZ)).toEqual([]);
  });
});
