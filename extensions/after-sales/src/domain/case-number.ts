import { localDate } from './zoned-time';

export type PeriodFormat = 'YYMM' | 'YYYYMM' | 'YYMMDD';

export interface NumberingRule {
  collection: string;
  field: string;
  prefix: string | null;
  period_format: PeriodFormat;
  min_digits: number;
  name: string;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The numbering period an instant falls in, in the business time zone (e.g. "2611" for Nov 2026). */
export function numberingPeriod(now: Date, format: PeriodFormat, timeZone: string): string {
  // The local date ('YYYY-MM-DD', years 1000–9999 as the console's dates are) by the cached offset of the hour.
  const date = localDate(now, timeZone);
  const [year, month, day] = [date.slice(0, 4), date.slice(5, 7), date.slice(8, 10)];
  switch (format) {
    case 'YYYYMM':
      return `${year}${month}`;
    case 'YYMMDD':
      return `${year.slice(2)}${month}${day}`;
    case 'YYMM':
      return `${year.slice(2)}${month}`;
  }
}

/** What comes before the serial: prefix + period. */
export function caseNumberHead(rule: Pick<NumberingRule, 'prefix'>, period: string): string {
  return `${rule.prefix ?? ''}${period}`;
}

/** Prefix + period + serial padded to at least `min_digits` (it grows past them, never wraps). */
export function formatCaseNumber(rule: Pick<NumberingRule, 'prefix' | 'min_digits'>, period: string, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1) throw new RangeError(`serial must be a positive integer, got ${serial}`);
  return `${caseNumberHead(rule, period)}${pad(serial, rule.min_digits)}`;
}

/** The counter key a rule uses for a period: one counter per collection and period. */
export function sequenceKey(collection: string, period: string): string {
  return `${collection}:${period}`;
}
