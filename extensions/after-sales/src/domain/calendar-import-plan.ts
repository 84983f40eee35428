import type { OfficialDay } from './calendar-toggle';
import type { NoticeDay } from './holiday-notice';

export interface StoredCalendarDay {
  id: number | string;
  date: string;
  is_workday: boolean;
  name: string | null;
  source: string | null;
  /** the state's arrangement under a company override (domain/calendar-toggle.ts) */
  official_day?: OfficialDay | null;
}

export interface CalendarImportPlan {
  add: NoticeDay[];
  change: (NoticeDay & { id: number | string })[];
  unchanged: NoticeDay[];
  /** days an administrator set by hand (source company): a company decision outlives the official data */
  keptCompany: NoticeDay[];
  /** days of the notice's year that an earlier import wrote and this notice no longer has */
  remove: StoredCalendarDay[];
  /** company overrides whose record of the state's arrangement follows this notice */
  overrides: { id: number | string; official_day: OfficialDay | null }[];
}

const sameOverride = (a: OfficialDay | null | undefined, b: OfficialDay | null) =>
  (a ?? null) === b || (!!a && !!b && a.is_workday === b.is_workday && a.name === b.name && a.source === b.source);

/**
 * What importing the notice of `year` does to the stored calendar, one row per date. The notice
 * replaces what earlier imports wrote for that year: a day it no longer lists is removed. Rows of
 * the chinese-days package and the company's own days stay.
 */
export function calendarImportPlan(stored: StoredCalendarDay[], days: NoticeDay[], year: number): CalendarImportPlan {
  const byDate = new Map(stored.map((row) => [row.date.slice(0, 10), row]));
  const noticeDates = new Set(days.map((day) => day.date));
  const plan: CalendarImportPlan = { add: [], change: [], unchanged: [], keptCompany: [], remove: [], overrides: [] };
  for (const day of days) {
    const row = byDate.get(day.date);
    if (!row) plan.add.push(day);
    else if (row.source === 'company') {
      plan.keptCompany.push(day);
      const official: OfficialDay = { is_workday: day.is_workday, name: day.name, source: 'notice' };
      if (row.official_day && !sameOverride(row.official_day, official)) plan.overrides.push({ id: row.id, official_day: official });
    }
    // Same answer from the package or an earlier import: nothing to write, nothing recomputed.
    else if (row.is_workday === day.is_workday && (row.name === day.name || row.source === 'official')) plan.unchanged.push(day);
    else plan.change.push({ ...day, id: row.id });
  }
  for (const row of stored) {
    const date = row.date.slice(0, 10);
    if (Number(date.slice(0, 4)) !== year || noticeDates.has(date)) continue;
    if (row.source === 'notice') plan.remove.push(row);
    else if (row.source === 'company' && row.official_day?.source === 'notice') plan.overrides.push({ id: row.id, official_day: null });
  }
  return plan;
}
