import { describe, expect, test } from 'vitest';
import { addCalendarDays } from './work-calendar';
import { formatInstant, formatLocal, instant, localDate, startOfLocalDay } from './zoned-time';

describe('localDate', () => {
  test.each([
    ['2026-11-05T15:59:00Z', 'Asia/Shanghai', '2026-11-05', '23:59 in Shanghai'],
    ['2026-11-05T16:00:00Z', 'Asia/Shanghai', '2026-11-06', '00:00 in Shanghai, still Nov 5 in UTC'],
    ['2026-11-05T03:00:00Z', 'America/New_York', '2026-11-04', 'behind UTC'],
    ['2026-12-31T16:00:00Z', 'Asia/Shanghai', '2027-01-01', 'new year in Shanghai first'],
  ])('%s in %s is %s (%s)', (instant, timeZone, expected) => {
    expect(localDate(new Date(instant), timeZone)).toBe(expected);
  });
});

describe('startOfLocalDay', () => {
  test.each([
    ['2026-11-06', 'Asia/Shanghai', '2026-11-05T16:00:00.000Z', 'fixed +08:00'],
    ['2026-11-06', 'UTC', '2026-11-06T00:00:00.000Z', 'UTC'],
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z', 'spring-forward day starts in EST'],
    ['2026-03-09', 'America/New_York', '2026-03-09T04:00:00.000Z', 'next day starts in EDT'],
    ['2026-11-01', 'America/New_York', '2026-11-01T04:00:00.000Z', 'fall-back day starts in EDT'],
    ['2026-11-02', 'America/New_York', '2026-11-02T05:00:00.000Z', 'next day starts in EST'],
    ['2026-09-06', 'America/Santiago', '2026-09-06T04:00:00.000Z', 'clocks skip 00:00: the day starts at 01:00'],
    ['2026-11-01', 'America/Havana', '2026-11-01T04:00:00.000Z', '00:00 happens twice: the first one'],
  ])('%s in %s starts at %s (%s)', (date, timeZone, expected) => {
    const start = startOfLocalDay(date, timeZone);
    expect(start.toISOString()).toBe(expected);
    expect(localDate(start, timeZone)).toBe(date);
    expect(localDate(new Date(start.getTime() - 1000), timeZone)).toBe(addCalendarDays(date, -1));
  });
});

test('formatLocal shows Shanghai wall time whatever the server zone', () => {
  expect(formatLocal(new Date('2026-11-05T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-06 00:00');
});

test.each([
  ['2026-12-04T16:05:00Z', '2026-12-05 00:05'],
  [new Date('2026-12-04T16:05:00Z'), '2026-12-05 00:05'],
  [Date.parse('2026-12-04T16:05:00Z'), '2026-12-05 00:05'],
  [null, null],
  ['', null],
  ['not a time', null],
])('formatInstant(%o) is %s', (value, expected) => {
  expect(formatInstant(value, 'Asia/Shanghai')).toBe(expected);
  expect(instant(value)?.toISOString() ?? null).toBe(expected === null ? null : '2026-12-04T16:05:00.000Z');
});
