import type { NoticeDay } from './holiday-notice';

export interface StoredCalendarDay {
  id: number | string;
  date: string;
  is_workday: boolean;
  name: string | null;
  source: string | null;
}

export interface CalendarImportPlan {
  add: NoticeDay[];
  change: (NoticeDay & { id: number | string })[];
  unchanged: NoticeDay[];
  /** days an administrator set by hand (source company): a company decision outlives the official data */
  keptCompany: NoticeDay[];
}

/** What importing the notice's days does to the stored calendar, one row per date. */
export function calendarImportPlan(stored: StoredCalendarDay[], days: NoticeDay[]): CalendarImportPlan {
  const byDate = new Map(stored.map((row) => [row.date.slice(0, 10), row]));
  const plan: CalendarImportPlan = { add: [], change: [], unchanged: [], keptCompany: [] };
  for (const day of days) {
    const row = byDate.get(day.date);
    if (!row) plan.add.push(day);
    else if (row.source === 'company') plan.keptCompany.push(day);
    // Same answer from the package or an earlier import: nothing to write, nothing recomputed.
    else if (row.is_workday === day.is_workday && (row.name === day.name || row.source === 'official')) plan.unchanged.push(day);
    else plan.change.push({ ...day, id: row.id });
  }
  return plan;
}
