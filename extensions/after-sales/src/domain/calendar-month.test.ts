import { expect, test } from 'vitest';
import { monthGrid, shiftMonth } from './calendar-month';

test('February 2027 starts on a Monday and fills four weeks exactly', () => {
  const weeks = monthGrid(2027, 2, []);
  expect(weeks).toHaveLength(4);
  expect(weeks[0]![0]).toMatchObject({ date: '2027-02-01', day: 1, inMonth: true, kind: 'workday' });
  expect(weeks[0]![5]).toMatchObject({ date: '2027-02-06', kind: 'weekend', isWorkday: false });
});

test('a month starting mid-week is padded with the neighbouring days', () => {
  const weeks = monthGrid(2026, 10, []);
  // 1 October 2026 is a Thursday: Monday 28 September opens the first week.
  expect(weeks[0]![0]).toMatchObject({ date: '2026-09-28', inMonth: false });
  expect(weeks.at(-1)!.at(-1)).toMatchObject({ date: '2026-11-01', inMonth: false });
});

test('rows make holidays and make-up days; a company row is hand-made', () => {
  const weeks = monthGrid(2027, 2, [
    { date: '2027-02-08', is_workday: false, name: '春节', source: 'notice' },
    { date: '2027-02-06', is_workday: true, name: '春节调休上班', source: 'notice' },
    { date: '2027-02-26', is_workday: false, name: '公司休息日', source: 'company' },
  ]);
  const day = (date: string) => weeks.flat().find((cell) => cell.date === date)!;
  expect(day('2027-02-08')).toMatchObject({ kind: 'holiday', name: '春节', handMade: false });
  expect(day('2027-02-06')).toMatchObject({ kind: 'makeup', isWorkday: true });
  expect(day('2027-02-26')).toMatchObject({ kind: 'holiday', handMade: true, source: 'company' });
});

test.each([
  [2026, 12, 1, { year: 2027, month: 1 }],
  [2027, 1, -1, { year: 2026, month: 12 }],
  [2027, 5, 0, { year: 2027, month: 5 }],
])('%i-%i shifted by %i', (year, month, by, expected) => {
  expect(shiftMonth(year, month, by)).toEqual(expected);
});
