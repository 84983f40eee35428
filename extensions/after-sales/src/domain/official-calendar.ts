export interface CalendarDay {
  date: string;
  is_workday: boolean;
  name: string;
  source: 'official' | 'company';
}

/** chinese-days data: `{ holidays: { '2026-10-01': 'National Day,国庆节,3' }, workdays: {...} }`. */
export interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const chineseName = (label: string) => label.split(',')[1] ?? label;

/**
 * The official holidays and make-up working days (调休) of the given years. Weekdays and weekends
 * that are neither need no row: the calendar counts Monday to Friday as working days by default.
 */
export function officialCalendar(data: ChineseDaysData, years: number[]): CalendarDay[] {
  const inYears = (date: string) => years.includes(Number(date.slice(0, 4)));
  const holidays = Object.entries(data.holidays)
    .filter(([date]) => inYears(date))
    .map(([date, label]): CalendarDay => ({ date, is_workday: false, name: chineseName(label), source: 'official' }));
  const workdays = Object.entries(data.workdays)
    .filter(([date]) => inYears(date))
    .map(([date, label]): CalendarDay => ({ date, is_workday: true, name: `${chineseName(label)}调休上班`, source: 'official' }));
  return [...holidays, ...workdays].sort((a, b) => a.date.localeCompare(b.date));
}

export function yearsCovered(data: ChineseDaysData): number[] {
  return [...new Set(Object.keys(data.holidays).map((date) => Number(date.slice(0, 4))))].sort();
}
