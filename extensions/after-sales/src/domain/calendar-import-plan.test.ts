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
  const plan = calendarImportPlan(stored, [{ date, is_workday, name }]);
  expect(Object.entries(plan).filter(([, days]) => days.length).map(([key]) => key)).toEqual([bucket]);
});

test('a change carries the stored row id', () => {
  expect(calendarImportPlan(stored, [{ date: '2027-01-02', is_workday: false, name: '元旦' }]).change).toEqual([{ id: 2, date: '2027-01-02', is_workday: false, name: '元旦' }]);
});
