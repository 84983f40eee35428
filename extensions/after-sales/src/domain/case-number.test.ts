import { describe, expect, test } from 'vitest';
import { formatCaseNumber, numberingPeriod, sequenceKey } from './case-number';

describe('numberingPeriod', () => {
  test.each([
    // instant (UTC)                 format      expected  why
    ['2026-11-30T15:59:59Z', 'YYMM', '2611', 'last second of November in Shanghai'],
    ['2026-11-30T16:00:00Z', 'YYMM', '2612', 'midnight Shanghai is already December'],
    ['2026-12-31T16:00:00Z', 'YYMM', '2701', 'year rollover in Shanghai before UTC'],
    ['2026-03-05T02:00:00Z', 'YYYYMM', '202603', 'four-digit year'],
    ['2026-03-04T16:30:00Z', 'YYMMDD', '260305', 'day in Shanghai'],
  ])('%s as %s is %s (%s)', (instant, format, expected) => {
    expect(numberingPeriod(new Date(instant), format as 'YYMM', 'Asia/Shanghai')).toBe(expected);
  });
});

describe('formatCaseNumber', () => {
  test.each([
    [{ prefix: '', min_digits: 2 }, '2611', 1, '261101'],
    [{ prefix: null, min_digits: 2 }, '2611', 2, '261102'],
    [{ prefix: '', min_digits: 2 }, '2611', 100, '2611100'],
    [{ prefix: 'BA', min_digits: 4 }, '2611', 37, 'BA26110037'],
  ])('%o %s #%i → %s', (rule, period, serial, expected) => {
    expect(formatCaseNumber(rule, period, serial)).toBe(expected);
  });

  test('refuses a serial that is not a positive integer', () => {
    expect(() => formatCaseNumber({ prefix: '', min_digits: 2 }, '2611', 0)).toThrow(RangeError);
  });

  test('keys counters by collection and period', () => {
    expect(sequenceKey('complaints', '2611')).toBe('complaints:2611');
  });
});
