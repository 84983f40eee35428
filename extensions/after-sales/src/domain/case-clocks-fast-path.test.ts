import { describe, expect, test } from 'vitest';
import { CLOCK_DEFINITIONS, caseClockFields, type StoredDeadlineRule } from './case-clocks';
import type { LimitUnit } from './deadline-clock';
import { createWorkCalendar, type WorkCalendar } from './work-calendar';
import { localDate, startOfLocalDay, zonedParts } from './zoned-time';

/*
 * localDate, startOfLocalDay and nthWorkdayAfter keep what they computed (per hour and zone, per day, per calendar),
 * so a recompute over 100k open cases asks Intl and walks the calendar a few thousand times instead of per case.
 * These tests hold the cached answers to the computation as it was before: Intl for every instant, every day
 * walked, over random instants, DST zones and a calendar with holidays and make-up days.
 */

const DAY = 86_400_000;
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function referenceLocalDate(at: Date, timeZone: string): string {
  const { year, month, day } = zonedParts(at, timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function referenceOffset(ms: number, timeZone: string): number {
  const p = zonedParts(new Date(ms), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - ms;
}

function referenceStartOfDay(date: string, timeZone: string): number {
  const wallMidnight = Date.parse(`${date}T00:00:00Z`);
  const before = wallMidnight - referenceOffset(wallMidnight - DAY, timeZone);
  const after = wallMidnight - referenceOffset(wallMidnight + DAY, timeZone);
  const exact = [before, after].filter((ms) => ms + referenceOffset(ms, timeZone) === wallMidnight);
  return exact.length > 0 ? Math.min(...exact) : before;
}

const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/** The due and warning times as computed before the caches: every day walked, Intl asked each time. */
function referenceDeadline(start: Date, rule: StoredDeadlineRule, calendar: WorkCalendar, timeZone: string) {
  let due: number;
  if (rule.limit_unit === 'hours') due = start.getTime() + rule.limit_value * 3_600_000;
  else {
    let day = referenceLocalDate(start, timeZone);
    for (let passed = 0; passed < rule.limit_value;) {
      day = nextDate(day);
      if (rule.limit_unit === 'days' || calendar.isWorkday(day)) passed++;
    }
    due = referenceStartOfDay(nextDate(day), timeZone);
  }
  const warn = start.getTime() + Math.round(rule.warn_ratio * (due - start.getTime()));
  return { due: new Date(due).toISOString(), warn: new Date(warn).toISOString() };
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// 2026–2027 holidays with make-up Saturdays/Sundays, and a company decision (work on a holiday).
const calendar = createWorkCalendar([
  ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'].map((date) => ({
    date,
    is_workday: false,
    source: 'official' as const,
  })),
  { date: '2026-09-27', is_workday: true, source: 'official' },
  { date: '2026-10-10', is_workday: true, source: 'official' },
  ...['2027-02-15', '2027-02-16', '2027-02-17', '2027-02-18', '2027-02-19'].map((date) => ({
    date,
    is_workday: false,
    source: 'official' as const,
  })),
  { date: '2027-02-20', is_workday: true, source: 'official' },
  { date: '2026-12-31', is_workday: false, source: 'company' },
  { date: '2027-02-18', is_workday: true, source: 'company' },
]);

const ZONES = ['Asia/Shanghai', 'America/New_York', 'America/Havana', 'America/Santiago', 'Australia/Lord_Howe'];
const FROM = Date.UTC(2026, 0, 1);
const SPAN = Date.UTC(2027, 11, 31) - FROM;

describe.each(ZONES)('in %s', (timeZone) => {
  test('localDate and startOfLocalDay give what Intl gives for every instant and day', () => {
    const next = random(timeZone.length * 7919);
    for (let i = 0; i < 2000; i++) {
      // Half of them near a local midnight, where a wrong offset shows first.
      const near = Math.floor(next() * (SPAN / DAY)) * DAY + FROM;
      const at = new Date(i % 2 ? FROM + Math.floor(next() * SPAN) : near + Math.floor((next() - 0.5) * 4 * 3_600_000));
      expect(localDate(at, timeZone), at.toISOString()).toBe(referenceLocalDate(at, timeZone));
      const date = referenceLocalDate(at, timeZone);
      expect(startOfLocalDay(date, timeZone).getTime(), date).toBe(referenceStartOfDay(date, timeZone));
    }
  });

  test('localDate gives what Intl gives minute by minute around every change of the zone offset', () => {
    const changes: number[] = [];
    for (let hour = FROM; hour < FROM + SPAN; hour += 3_600_000) {
      if (referenceOffset(hour, timeZone) !== referenceOffset(hour + 3_600_000, timeZone)) changes.push(hour);
    }
    for (const hour of changes) {
      for (let at = hour - 3 * 3_600_000; at <= hour + 4 * 3_600_000; at += 60_000) {
        expect(localDate(new Date(at), timeZone), new Date(at).toISOString()).toBe(referenceLocalDate(new Date(at), timeZone));
      }
    }
  });

  test.each<[LimitUnit, number]>([
    ['workdays', 1],
    ['workdays', 3],
    ['workdays', 13],
    ['days', 13],
    ['days', 2],
    ['hours', 24],
  ])('caseClockFields (%s, %i) gives the due and warning times computed day by day', (unit, limit) => {
    const definition = CLOCK_DEFINITIONS.find((one) => one.id === 'complaint_close')!;
    const rule = {
      key: 'complaint_close',
      case_collection: 'complaints',
      milestone: 'closed',
      limit_value: limit,
      limit_unit: unit,
      warn_ratio: 0.8,
      urge_department: 'gm_office',
      active: true,
    } as StoredDeadlineRule;
    const next = random(limit * 31 + unit.length);
    for (let i = 0; i < 500; i++) {
      const start = new Date(FROM + Math.floor(next() * SPAN));
      const expected = referenceDeadline(start, rule, calendar, timeZone);
      // Twice: the first call fills the caches, the second reads them.
      for (let again = 0; again < 2; again++) {
        const fields = caseClockFields(
          definition,
          { registered_at: start.toISOString(), stage: 'investigating' },
          [rule],
          calendar,
          timeZone,
        );
        expect(fields, start.toISOString()).toEqual({ due_at: expected.due, warn_at: expected.warn });
      }
    }
  });
});
