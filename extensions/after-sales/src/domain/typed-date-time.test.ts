import { expect, test } from 'vitest';
import { formatWallClock, parseTypedDateTime, weekdayOf } from './typed-date-time';

const NOW = { year: 2026, month: 12, day: 1, hour: 10, minute: 30 };
const read = (text: string) => {
  const parsed = parseTypedDateTime(text, NOW);
  return parsed ? formatWallClock(parsed) : null;
};

test.each([
  ['2026-11-30 14:20', '2026-11-30 14:20'],
  ['2026/11/30 14:20', '2026-11-30 14:20'],
  ['2026.11.30 9:05', '2026-11-30 09:05'],
  ['2026年11月30日14:20', '2026-11-30 14:20'],
  ['2026年11月30日 下午2点20', '2026-11-30 14:20'],
  ['２０２６－１１－３０　１４：２０', '2026-11-30 14:20'],
  ['20261130 14:20', '2026-11-30 14:20'],
  ['2026-11-30', '2026-11-30 00:00'],
  ['11-30 14:20', '2026-11-30 14:20'],
  ['11月30日 8点', '2026-11-30 08:00'],
  ['今天 14:20', '2026-12-01 14:20'],
  ['今天14:20', '2026-12-01 14:20'],
  ['昨天 9:05', '2026-11-30 09:05'],
  ['前天下午3点半', '2026-11-29 15:30'],
  ['昨晚11点', '2026-11-30 23:00'],
  ['今天中午12点', '2026-12-01 12:00'],
  ['凌晨12点10分', '2026-12-01 00:10'],
  ['14:20', '2026-12-01 14:20'],
  ['现在', '2026-12-01 10:30'],
])('%s → %s', (text, expected) => {
  expect(read(text)).toBe(expected);
});

test.each([[''], ['明年'], ['2026-02-30 10:00'], ['今天 25:00'], ['14:75'], ['13-01 10:00'], ['晚上'], ['张伟']])(
  '%s cannot be read',
  (text) => {
    expect(read(text)).toBeNull();
  },
);

test('yesterday across a month and a year', () => {
  expect(formatWallClock(parseTypedDateTime('昨天 9:05', { year: 2027, month: 1, day: 1, hour: 8, minute: 0 })!)).toBe('2026-12-31 09:05');
});

test('weekdayOf', () => {
  expect(weekdayOf({ year: 2026, month: 11, day: 30, hour: 0, minute: 0 })).toBe('星期一');
});
