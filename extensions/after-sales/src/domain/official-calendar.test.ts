import { expect, test } from 'vitest';
import data from 'chinese-days/dist/chinese-days.json';
import { officialCalendar, yearsCovered } from './official-calendar';

test('2026 National Day is a holiday week with its two make-up days (a Sunday and a Saturday)', () => {
  const days = officialCalendar(data, [2026]);
  const byDate = new Map(days.map((day) => [day.date, day]));
  expect(byDate.get('2026-10-01')).toEqual({ date: '2026-10-01', is_workday: false, name: '国庆节', source: 'official' });
  expect(byDate.get('2026-10-07')?.is_workday).toBe(false);
  expect(byDate.get('2026-09-20')).toEqual({ date: '2026-09-20', is_workday: true, name: '国庆节调休上班', source: 'official' });
  expect(byDate.get('2026-10-10')?.is_workday).toBe(true);
  expect(days.some((day) => day.date.startsWith('2025'))).toBe(false);
});

test('2026 Spring Festival make-up working days are Saturdays marked 调休上班', () => {
  const makeUp = officialCalendar(data, [2026]).filter((day) => day.is_workday && day.name.startsWith('春节'));
  expect(makeUp.map((day) => day.date)).toEqual(['2026-02-14', '2026-02-28']);
  expect(makeUp.map((day) => new Date(`${day.date}T00:00:00Z`).getUTCDay())).toEqual([6, 6]);
  expect(makeUp[0]?.name).toBe('春节调休上班');
});

test('the package covers the current year', () => {
  expect(yearsCovered(data)).toContain(2026);
});
