import { expect, test } from 'vitest';
import { toggleCalendarDay, weekdayWorks, type CalendarRow } from './calendar-toggle';

const row = (values: Partial<CalendarRow>): CalendarRow => ({
  id: 7,
  date: '2027-02-10',
  is_workday: false,
  name: null,
  source: 'company',
  ...values,
});

test.each([
  ['2027-02-08', true, 'Monday'],
  ['2027-02-13', false, 'Saturday'],
  ['2027-02-14', false, 'Sunday'],
])('%s works by default: %s (%s)', (date, works) => {
  expect(weekdayWorks(date)).toBe(works);
});

test('a plain weekday becomes a company rest day, a plain Saturday a company working day', () => {
  expect(toggleCalendarDay('2027-03-03', null)).toEqual({
    kind: 'create',
    values: { date: '2027-03-03', is_workday: false, name: '公司休息日', source: 'company' },
  });
  expect(toggleCalendarDay('2027-03-06', undefined)).toEqual({
    kind: 'create',
    values: { date: '2027-03-06', is_workday: true, name: '公司上班日', source: 'company' },
  });
});

test('a hand-made day clicked back to what the weekday says is removed', () => {
  expect(toggleCalendarDay('2027-03-03', row({ date: '2027-03-03', is_workday: false, name: '公司休息日' }))).toEqual({
    kind: 'delete',
    id: 7,
  });
  expect(toggleCalendarDay('2027-03-06', row({ date: '2027-03-06', is_workday: true, name: '公司上班日' }))).toEqual({
    kind: 'delete',
    id: 7,
  });
});

test('a hand-made working day on a weekday is flipped, not removed', () => {
  expect(toggleCalendarDay('2027-03-03', row({ date: '2027-03-03', is_workday: true, name: '公司上班日' }))).toEqual({
    kind: 'update',
    id: 7,
    values: { is_workday: false, name: '公司休息日' },
  });
});

test.each(['notice', 'official'] as const)(
  'a state-made (%s) holiday overridden keeps the arrangement underneath, and a second click restores it',
  (source) => {
    const holiday = row({ date: '2027-02-10', is_workday: false, name: '春节', source });
    const first = toggleCalendarDay('2027-02-10', holiday);
    expect(first).toEqual({
      kind: 'update',
      id: 7,
      values: {
        is_workday: true,
        name: '春节（公司调整为上班）',
        source: 'company',
        official_day: { is_workday: false, name: '春节', source },
      },
    });
    const overridden = row({ ...holiday, ...(first.kind === 'update' ? first.values : {}) });
    expect(toggleCalendarDay('2027-02-10', overridden)).toEqual({
      kind: 'update',
      id: 7,
      values: { is_workday: false, name: '春节', source, official_day: null },
    });
  },
);

test('a make-up Saturday overridden to rest is never removed: the state would bring it back', () => {
  const makeUp = row({ date: '2027-02-20', is_workday: true, name: '春节调休上班', source: 'notice' });
  const first = toggleCalendarDay('2027-02-20', makeUp);
  expect(first).toMatchObject({ kind: 'update', values: { is_workday: false, source: 'company' } });
});
