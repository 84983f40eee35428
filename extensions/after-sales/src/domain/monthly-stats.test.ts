import { describe, expect, test } from 'vitest';
import { mergeImprovementActions, monthlyStats, periodBounds, previousPeriod, scheduledBuildAt } from './monthly-stats';

test('a month spans Shanghai midnights', () => {
  expect(periodBounds('2026-11', 'Asia/Shanghai')).toEqual({
    start: new Date('2026-10-31T16:00:00Z'),
    end: new Date('2026-11-30T16:00:00Z'),
  });
  expect(periodBounds('2026-12', 'Asia/Shanghai').end).toEqual(new Date('2026-12-31T16:00:00Z'));
  expect(() => periodBounds('2026-13', 'Asia/Shanghai')).toThrow(RangeError);
});

test('the previous period in Shanghai, across a year', () => {
  expect(previousPeriod(new Date('2026-12-31T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-12');
  expect(previousPeriod(new Date('2027-01-05T00:00:00Z'), 'Asia/Shanghai')).toBe('2026-12');
});

test('counts, responsibility by department with ratio, average days and overdue, by hand', () => {
  const stats = monthlyStats('2026-11', [
    {
      complaint_no: '261101',
      registered_at: '2026-11-01T00:00:00Z',
      closed_at: '2026-11-11T00:00:00Z',
      due_at: '2026-11-14T16:00:00Z',
      responsible_department: 'operations',
      countermeasures: '核对地址',
    },
    {
      complaint_no: '261102',
      registered_at: '2026-11-02T00:00:00Z',
      closed_at: '2026-11-22T00:00:00Z',
      due_at: '2026-11-15T16:00:00Z',
      responsible_department: 'operations',
      countermeasures: null,
    },
    {
      complaint_no: '261103',
      registered_at: '2026-11-03T00:00:00Z',
      closed_at: '2026-11-08T00:00:00Z',
      due_at: '2026-11-16T16:00:00Z',
      responsible_department: 'market',
      countermeasures: '培训',
    },
    {
      complaint_no: '261104',
      registered_at: null,
      closed_at: '2026-11-09T00:00:00Z',
      due_at: null,
      responsible_department: null,
      countermeasures: null,
    },
  ]);
  expect(stats).toEqual({
    period: '2026-11',
    closed_count: 4,
    overdue_count: 1,
    avg_days_to_close: 11.67,
    by_department: {
      operations: { label: '运营部', count: 2, ratio: 0.5 },
      market: { label: '市场部', count: 1, ratio: 0.25 },
      none: { label: '未判定', count: 1, ratio: 0.25 },
    },
    improvement_actions: '261101：核对地址\n261103：培训',
  });
});

describe('a rebuild never loses edited improvement actions', () => {
  test.each([
    ['never edited: the new build', 'A：核对地址', 'A：核对地址', 'A：核对地址\nB：加强培训', 'A：核对地址\nB：加强培训'],
    ['nothing stored yet', null, null, 'A：核对地址', 'A：核对地址'],
    [
      'edited: kept, new lines added below',
      'A：核对地址，已于3月10日完成',
      'A：核对地址',
      'A：核对地址\nB：加强培训',
      'A：核对地址，已于3月10日完成\nB：加强培训',
    ],
    [
      'edited and nothing new: kept as is (a line the editor dropped stays dropped)',
      '总结：本月无新增',
      'A：核对地址',
      'A：核对地址',
      '总结：本月无新增',
    ],
    ['edited, the new lines already in it', '总结\nB：加强培训', 'A', 'B：加强培训', '总结\nB：加强培训'],
  ])('%s', (_label, stored, lastBuilt, built, expected) => {
    expect(mergeImprovementActions(stored, lastBuilt, built)).toBe(expected);
  });
});

test('the schedule builds at 01:30 Shanghai on the 1st', () => {
  expect(scheduledBuildAt(new Date('2026-12-15T08:00:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-11-30T17:30:00.000Z');
});
