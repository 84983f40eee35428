/**
 * What a click on a day of the calendar's month view writes. The click flips whether the day is
 * worked; the row written is the company's own (source company), so an import of the State Council's
 * notice keeps it. A state-made day (official or notice) that the company overrides keeps the state's
 * arrangement in `official_day`: clicking it back restores the state-made row, and a hand-made row
 * with nothing official underneath disappears once it says what the weekday alone would say.
 */

export type CalendarSource = 'official' | 'notice' | 'company';

export interface OfficialDay {
  is_workday: boolean;
  name: string | null;
  source: 'official' | 'notice';
}

export interface CalendarRow {
  id: number | string;
  date: string;
  is_workday: boolean;
  name: string | null;
  source: CalendarSource | null;
  official_day?: OfficialDay | null;
}

export type CalendarWrite =
  | { kind: 'create'; values: { date: string; is_workday: boolean; name: string; source: 'company' } }
  | { kind: 'update'; id: number | string; values: Partial<Omit<CalendarRow, 'id' | 'date'>> }
  | { kind: 'delete'; id: number | string };

export const COMPANY_REST_DAY = '公司休息日';
export const COMPANY_WORK_DAY = '公司上班日';

/** Monday to Friday work unless a row says otherwise. */
export function weekdayWorks(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

export function isWorkdayOn(date: string, row: Pick<CalendarRow, 'is_workday'> | null | undefined): boolean {
  return row ? row.is_workday : weekdayWorks(date);
}

const companyName = (isWorkday: boolean, official: OfficialDay | null) =>
  official?.name ? `${official.name}（公司调整为${isWorkday ? '上班' : '休息'}）` : isWorkday ? COMPANY_WORK_DAY : COMPANY_REST_DAY;

export function toggleCalendarDay(date: string, row: CalendarRow | null | undefined): CalendarWrite {
  const isWorkday = !isWorkdayOn(date, row);
  if (!row) return { kind: 'create', values: { date, is_workday: isWorkday, name: companyName(isWorkday, null), source: 'company' } };
  if (row.source !== 'company') {
    const official: OfficialDay = { is_workday: row.is_workday, name: row.name, source: row.source === 'notice' ? 'notice' : 'official' };
    return {
      kind: 'update',
      id: row.id,
      values: { is_workday: isWorkday, name: companyName(isWorkday, official), source: 'company', official_day: official },
    };
  }
  const official = row.official_day ?? null;
  if (official && official.is_workday === isWorkday) {
    return {
      kind: 'update',
      id: row.id,
      values: { is_workday: isWorkday, name: official.name, source: official.source, official_day: null },
    };
  }
  if (!official && isWorkday === weekdayWorks(date)) return { kind: 'delete', id: row.id };
  return { kind: 'update', id: row.id, values: { is_workday: isWorkday, name: companyName(isWorkday, official) } };
}
