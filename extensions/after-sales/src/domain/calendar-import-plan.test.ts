import { expect, test } from 'vitest';
import { calendarImportPlan, type StoredCalendarDay } from './calendar-import-plan';

const stored: StoredCalendarDay[] = [
  { id: 1, date: '2027-01-01', is_workday: false, name: '元旦', source: 'official' },
  { id: 2, date: '2027-01-02', is_workday: true, name: '元旦调休上班', source: 'notice' },
  { id: 3, date: '2027-01-03', is_workday: true, name: '公司值班', source: 'company' },
  { id: 4, date: '2027-01-04', is_workday: false, name: '旧名称', source: 'notice' },
];

test.each<[string, boolean, string, string, string]>([
  ['2027-01-01', false, '元旦', 'unchanged', 'same day from the package (its own name kept)'],
  ['2027-01-02', false, '元旦', 'change', 'a working day becomes a holiday'],
  ['2027-01-03', false, '元旦', 'keptCompany', "an administrator's own decision stays"],
  ['2027-01-04', false, '元旦', 'change', 'an earlier import under another name'],
  ['2027-01-05', false, '元旦', 'add', 'a date not stored yet'],
])('%s %s %s → %s (%s)', (date, is_workday, name, bucket) => {
  const plan = calendarImportPlan(stored, [{ date, is_workday, name }], 2026);
  expect(
    Object.entries(plan)
      .filter(([, days]) => days.length)
      .map(([key]) => key),
  ).toEqual([bucket]);
});

test('a change carries the stored row id', () => {
  expect(calendarImportPlan(stored, [{ date: '2027-01-02', is_workday: false, name: '元旦' }], 2026).change).toEqual([
    { id: 2, date: '2027-01-02', is_workday: false, name: '元旦' },
  ]);
});

test('a new notice of the year replaces what an earlier import wrote: a day it no longer lists is removed', () => {
  const plan = calendarImportPlan(stored, [{ date: '2027-01-01', is_workday: false, name: '元旦' }], 2027);
  // 01-02 and 01-04 came from the earlier import; the package's 01-01 and the company's 01-03 stay.
  expect(plan.remove.map((row) => row.id)).toEqual([2, 4]);
  expect(plan.unchanged).toHaveLength(1);
});

test("days of other years are not the notice's to remove", () => {
  expect(calendarImportPlan(stored, [{ date: '2028-01-01', is_workday: false, name: '元旦' }], 2028).remove).toEqual([]);
});

test("a company override keeps its record of the state's arrangement in step with the notice", () => {
  const overridden = [
    {
      id: 5,
      date: '2027-02-10',
      is_workday: true,
      name: '春节（公司调整为上班）',
      source: 'company',
      official_day: { is_workday: false, name: '春节', source: 'notice' as const },
    },
    {
      id: 6,
      date: '2027-02-20',
      is_workday: false,
      name: '公司休息',
      source: 'company',
      official_day: { is_workday: true, name: '春节调休上班', source: 'notice' as const },
    },
  ];
  const plan = calendarImportPlan(overridden, [{ date: '2027-02-10', is_workday: false, name: '春节假期' }], 2027);
  expect(plan.keptCompany).toHaveLength(1);
  expect(plan.overrides).toEqual([
    { id: 5, official_day: { is_workday: false, name: '春节假期', source: 'notice' } },
    { id: 6, official_day: null },
  ]);
  expect(plan.remove).toEqual([]);
});
