import { describe, expect, test } from 'vitest';
import { CLOCK_DEFINITIONS, caseClockFields, clockStart, withLimitParameters, type StoredDeadlineRule } from './case-clocks';
import { createWorkCalendar } from './work-calendar';

const hqClock = CLOCK_DEFINITIONS.find((definition) => definition.id === 'hq_report')!;
const hqRule: StoredDeadlineRule = {
  key: 'major_report_to_hq',
  case_collection: 'claim_reports',
  milestone: 'hq_report',
  limit_value: 24,
  limit_unit: 'hours',
  warn_ratio: 0.8,
  urge_department: 'market',
  active: true,
};
const reportedAt = '2026-11-20T10:00:00.000Z';

describe('HQ report clock (C-MAJOR)', () => {
  test.each([
    ['no learned-at time', null, reportedAt],
    ['learned before the report', '2026-11-20T04:00:00.000Z', '2026-11-20T04:00:00.000Z'],
    ['a learned-at time after the report does not delay it', '2026-11-20T12:00:00.000Z', reportedAt],
  ])('%s: starts at %s', (_label, learnedAt, start) => {
    expect(clockStart(hqClock, { reported_at: reportedAt, learned_at: learnedAt })?.toISOString()).toBe(new Date(start).toISOString());
  });

  test.each([
    ['the parameter sets the limit', { hq_report_hours: 12 }, 12],
    ['stored as a decimal', { hq_report_hours: '36.00' }, 36],
    ['no positive whole number: the rule keeps its limit', { hq_report_hours: 0 }, 24],
    ['missing', {}, 24],
  ])('%s', (_label, parameters, hours) => {
    const [rule] = withLimitParameters([hqRule], parameters);
    const fields = caseClockFields(hqClock, { is_major: true, reported_at: reportedAt }, [rule!], createWorkCalendar([]), 'Asia/Shanghai');
    expect(Date.parse(String(fields['hq_due_at'])) - Date.parse(reportedAt)).toBe(hours * 3_600_000);
  });
});
