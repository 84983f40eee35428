import { describe, expect, test } from 'vitest';
import { createWorkCalendar } from './work-calendar';
import { ledgerRow, shortDemand, timeLeft, type LedgerComplaint } from './ledger-row';

const TZ = 'Asia/Shanghai';
// 2026-11-02 is a Monday; the 13-day clock from a registration on that day ends at 24:00 on 11-15.
const calendar = createWorkCalendar([{ date: '2026-11-04', is_workday: false, source: 'company' }]);

const complaint = (overrides: Partial<LedgerComplaint> = {}): LedgerComplaint => ({
  id: 1,
  complaint_no: '2611001',
  registered_at: '2026-11-02T02:00:00.000Z',
  customer_name: '赵六',
  demand: '要求尽快赔付并道歉',
  stage: 'investigating',
  holding_department: 'operations',
  due_at: '2026-11-15T16:00:00.000Z',
  warn_at: '2026-11-12T17:36:00.000Z',
  responsible_department: null,
  closed_at: null,
  ...overrides,
});
const at = (iso: string) => new Date(iso);

describe('ledgerRow', () => {
  test.each([
    ['the day of registration', '2026-11-02T08:00:00.000Z', {}, 'on_track', '正常', '0 天', '剩 13 天'],
    ['past the warning point', '2026-11-13T02:00:00.000Z', {}, 'warning', '即将超时', '11 天', '剩 2 天'],
    ['the last day (due at 24:00)', '2026-11-15T10:00:00.000Z', {}, 'warning', '即将超时', '13 天', '今日到期'],
    ['the day after the last day', '2026-11-16T01:00:00.000Z', {}, 'breached', '已逾期', '14 天', '逾期 1 天'],
    [
      'closed in time',
      '2026-11-20T01:00:00.000Z',
      { stage: 'closed', holding_department: null, closed_at: '2026-11-10T03:00:00.000Z' },
      'met',
      '按时结案',
      '8 天',
      '—',
    ],
    [
      'closed late',
      '2026-11-20T01:00:00.000Z',
      { stage: 'closed', holding_department: null, closed_at: '2026-11-18T03:00:00.000Z' },
      'met_late',
      '逾期结案',
      '16 天',
      '逾期 3 天',
    ],
    [
      'not yet registered',
      '2026-11-20T01:00:00.000Z',
      { stage: 'submitted', registered_at: null, due_at: null, warn_at: null, complaint_no: null },
      'not_started',
      '未起算',
      '—',
      '—',
    ],
  ])('%s', (_name, now, overrides, status, label, used, left) => {
    const row = ledgerRow({ complaint: complaint(overrides), unit: 'days', urgeCount: 2, now: at(now), calendar, timeZone: TZ });
    expect(row).toMatchObject({ status, status_label: label, time_used: used, time_left: left, urge_count: 2 });
  });

  test('labels come from the shared choice labels; dates are business-time-zone dates', () => {
    const row = ledgerRow({
      complaint: complaint({ registered_at: '2026-11-01T17:00:00.000Z', responsible_department: 'market' }),
      unit: 'days',
      urgeCount: null,
      now: at('2026-11-03T00:00:00.000Z'),
      calendar,
      timeZone: TZ,
    });
    expect(row).toMatchObject({
      registered_on: '2026-11-02',
      stage_label: '运营部调查',
      holding_label: '运营部',
      responsible_label: '市场部',
      urge_count: null,
    });
  });

  test('working-day rules count working days of the calendar (a company holiday is skipped)', () => {
    // Registered Mon 11-02, 3 working days: Tue 03, (Wed 04 off), Thu 05, Fri 06 → due 24:00 on 11-06.
    const row = ledgerRow({
      complaint: complaint({ due_at: '2026-11-06T16:00:00.000Z', warn_at: '2026-11-05T10:00:00.000Z' }),
      unit: 'workdays',
      urgeCount: 0,
      now: at('2026-11-05T02:00:00.000Z'),
      calendar,
      timeZone: TZ,
    });
    expect(row).toMatchObject({ time_used: '2 个工作日', time_left: '剩 1 个工作日', status: 'on_track' });
  });
});

describe('timeLeft', () => {
  test.each([
    ['hours ahead', 'hours', '2026-11-02T10:00:00.000Z', '2026-11-02T04:30:00.000Z', 6],
    ['hours late', 'hours', '2026-11-02T10:00:00.000Z', '2026-11-02T12:10:00.000Z', -3],
    ['workdays late over a weekend', 'workdays', '2026-11-06T16:00:00.000Z', '2026-11-09T02:00:00.000Z', -1],
    ['workdays due tomorrow on a Saturday', 'workdays', '2026-11-09T16:00:00.000Z', '2026-11-07T02:00:00.000Z', 1],
  ] as const)('%s', (_name, unit, due, now, expected) => {
    expect(timeLeft(unit, at(due), at(now), calendar, TZ)).toBe(expected);
  });
});

test('the demand in short keeps 24 characters and marks the cut', () => {
  expect(shortDemand('要求尽快赔付')).toBe('要求尽快赔付');
  expect(shortDemand('一二三四五六七八九十一二三四五六七八九十一二三四五六')).toBe('一二三四五六七八九十一二三四五六七八九十一二三四…');
  expect(shortDemand(null)).toBe('');
});
