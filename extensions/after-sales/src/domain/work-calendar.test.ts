import { describe, expect, test } from 'vitest';
import data from 'chinese-days/dist/chinese-days.json';
import { officialCalendar } from './official-calendar';
import { addCalendarDays, createWorkCalendar, nthWorkdayAfter } from './work-calendar';

const official2026 = createWorkCalendar(officialCalendar(data, [2026]));

describe('addCalendarDays', () => {
  test.each([
    ['2026-11-06', 3, '2026-11-09', 'plain days, weekends included'],
    ['2026-01-31', 1, '2026-02-01', 'month end'],
    ['2028-02-28', 1, '2028-02-29', 'leap day'],
    ['2026-12-31', 1, '2027-01-01', 'year end'],
    ['2026-03-08', 1, '2026-03-09', 'US DST change has no effect on dates'],
    ['2026-03-01', -1, '2026-02-28', 'backwards'],
    ['2026-11-06', 0, '2026-11-06', 'zero'],
  ])('%s + %i = %s (%s)', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  test.each(['2026-02-30', '2026-1-05', '2026-11-06T00:00:00Z', ''])('refuses the malformed date "%s"', (date) => {
    expect(() => addCalendarDays(date, 1)).toThrow(RangeError);
  });
});

describe('createWorkCalendar', () => {
  test.each([
    ['2026-11-06', true, 'Friday'],
    ['2026-11-07', false, 'Saturday'],
    ['2026-11-08', false, 'Sunday'],
    ['2026-11-09', true, 'Monday'],
  ])('without entries %s is a working day: %s (%s)', (date, expected) => {
    expect(createWorkCalendar([]).isWorkday(date)).toBe(expected);
  });

  test.each([
    ['2026-02-13', true, 'Friday before the Spring Festival'],
    ['2026-02-14', true, 'Saturday make-up day (调休)'],
    ['2026-02-15', false, 'Spring Festival, first day (a Sunday)'],
    ['2026-02-17', false, 'Spring Festival, a Tuesday'],
    ['2026-02-23', false, 'Spring Festival, last day (a Monday)'],
    ['2026-02-24', true, 'back to work'],
    ['2026-02-28', true, 'Saturday make-up day (调休)'],
    ['2026-09-20', true, 'Sunday make-up day for National Day'],
    ['2026-09-25', false, 'Mid-autumn Festival, a Friday'],
    ['2026-09-28', true, 'Monday between the two holidays'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'National Day, last day (a Wednesday)'],
    ['2026-10-08', true, 'Thursday after National Day'],
    ['2026-10-10', true, 'Saturday make-up day for National Day'],
    ['2026-10-11', false, 'ordinary Sunday'],
  ])('2026 official data: %s is a working day: %s (%s)', (date, expected) => {
    expect(official2026.isWorkday(date)).toBe(expected);
  });

  test('a company working-day override makes a Saturday a working day', () => {
    const calendar = createWorkCalendar([{ date: '2026-11-07', is_workday: true, source: 'company' }]);
    expect(calendar.isWorkday('2026-11-07')).toBe(true);
    expect(calendar.isWorkday('2026-11-14')).toBe(false);
  });

  test.each([
    ['company entry after the official one', 'after'],
    ['company entry before the official one', 'before'],
  ])('a company decision beats the official data for the same date (%s)', (_why, order) => {
    const company = [
      { date: '2026-10-07', is_workday: true, source: 'company' as const },
      { date: '2026-10-10', is_workday: false, source: 'company' as const },
    ];
    const official = officialCalendar(data, [2026]);
    const calendar = createWorkCalendar(order === 'after' ? [...official, ...company] : [...company, ...official]);
    expect(calendar.isWorkday('2026-10-07')).toBe(true);
    expect(calendar.isWorkday('2026-10-10')).toBe(false);
    expect(calendar.isWorkday('2026-10-06')).toBe(false);
  });

  test.each([
    [2026, true],
    [2025, false],
    [2027, false],
  ])('official data for %i: %s', (year, expected) => {
    expect(official2026.hasOfficialData(year)).toBe(expected);
  });

  test('company or unsourced entries are not official data', () => {
    const calendar = createWorkCalendar([
      { date: '2027-01-01', is_workday: false, source: 'company' },
      { date: '2027-01-04', is_workday: false, source: null },
      { date: '2027-01-05', is_workday: false },
    ]);
    expect(calendar.hasOfficialData(2027)).toBe(false);
  });

  test('refuses an entry with a malformed date instead of silently ignoring it', () => {
    expect(() => createWorkCalendar([{ date: '2026-10-1', is_workday: false }])).toThrow(RangeError);
  });
});

describe('nthWorkdayAfter', () => {
  test.each([
    ['2026-11-06', 1, '2026-11-09', 'Friday + 1 skips the weekend'],
    ['2026-11-06', 3, '2026-11-11', 'Friday + 3 = Mon, Tue, Wed'],
    ['2026-11-07', 1, '2026-11-09', 'a Saturday start does not count'],
    ['2026-11-09', 1, '2026-11-10', 'a working-day start does not count either'],
    ['2026-02-13', 1, '2026-02-14', 'Spring Festival: the Saturday make-up day counts'],
    ['2026-02-13', 2, '2026-02-24', 'Spring Festival: then the holiday is skipped'],
    ['2026-02-27', 1, '2026-02-28', 'Spring Festival: second Saturday make-up day'],
    ['2026-09-18', 1, '2026-09-20', 'National Day: the Sunday make-up day counts'],
    ['2026-09-24', 1, '2026-09-28', 'Mid-autumn Festival is skipped'],
    ['2026-09-30', 3, '2026-10-10', 'National Day week skipped, Oct 8, 9 and the Saturday make-up day 10'],
    ['2026-10-03', 1, '2026-10-08', 'a start inside the holiday'],
  ])('%s + %i working days = %s (%s)', (date, n, expected) => {
    expect(nthWorkdayAfter(official2026, date, n)).toBe(expected);
  });

  test.each([0, -1, 1.5, Number.NaN])('refuses the count %s', (n) => {
    expect(() => nthWorkdayAfter(official2026, '2026-11-06', n)).toThrow(RangeError);
  });
});
