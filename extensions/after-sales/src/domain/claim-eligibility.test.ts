import { describe, expect, test } from 'vitest';
import { rejectionReasons, type EligibilityInput } from './claim-eligibility';

const base: EligibilityInput = {
  incidentAt: new Date('2026-06-10T02:00:00Z'),
  reportedAt: new Date('2026-06-11T02:00:00Z'),
  cause: 'accident',
  policy: { start_date: '2026-01-01', end_date: '2026-12-31', status: 'in_force', terminated_at: null },
  product: { covered_causes: ['accident', 'traffic'], claim_time_limit_days: 30 },
  timeZone: 'Asia/Shanghai',
};

describe('rejectionReasons', () => {
  test.each([
    ['an accident inside the period, covered, reported next day', {}, []],
    [
      'accident at 00:30 on the start day in Shanghai (still the day before in UTC)',
      { incidentAt: new Date('2025-12-31T16:30:00Z'), reportedAt: new Date('2026-01-02T02:00:00Z') },
      [],
    ],
    [
      'accident on the last day, late evening in Shanghai',
      { incidentAt: new Date('2026-12-31T15:30:00Z'), reportedAt: new Date('2027-01-02T02:00:00Z') },
      [],
    ],
    [
      'accident the day after the end (00:30 Shanghai, still Dec 31 in UTC)',
      { incidentAt: new Date('2026-12-31T16:30:00Z'), reportedAt: new Date('2027-01-02T02:00:00Z') },
      ['out_of_period'],
    ],
    [
      'accident the day before the start',
      { incidentAt: new Date('2025-12-31T02:00:00Z'), reportedAt: new Date('2026-01-02T02:00:00Z') },
      ['out_of_period'],
    ],
    ['uncovered cause', { cause: 'illness' }, ['cause_not_covered']],
    ['reported on the last day of the limit', { reportedAt: new Date('2026-07-10T15:00:00Z') }, []],
    ['reported the day after the limit', { reportedAt: new Date('2026-07-10T16:00:00Z') }, ['time_barred']],
    ['policy lapsed before the accident', { policy: { ...base.policy, status: 'lapsed', terminated_at: '2026-05-01' } }, ['policy_lapsed']],
    [
      'policy terminated on the accident day',
      { policy: { ...base.policy, status: 'terminated', terminated_at: '2026-06-10' } },
      ['policy_lapsed'],
    ],
    ['policy surrendered after the accident', { policy: { ...base.policy, status: 'surrendered', terminated_at: '2026-08-01' } }, []],
    ['policy lapsed, date unknown', { policy: { ...base.policy, status: 'lapsed', terminated_at: null } }, ['policy_lapsed']],
    [
      'everything wrong at once',
      {
        cause: 'fire',
        incidentAt: new Date('2025-03-01T02:00:00Z'),
        reportedAt: new Date('2026-06-01T02:00:00Z'),
        policy: { ...base.policy, status: 'lapsed', terminated_at: '2025-02-01' },
      },
      ['out_of_period', 'policy_lapsed', 'cause_not_covered', 'time_barred'],
    ],
  ])('%s', (_label, overrides, expected) => {
    expect(rejectionReasons({ ...base, ...overrides } as EligibilityInput)).toEqual(expected);
  });
});
