import { DAY_MS, utcMidnight } from './zoned-time';

/**
 * Working-day calendar and local-date arithmetic. Dates are 'YYYY-MM-DD' strings with no time zone;
 * instants (localDate, startOfLocalDay) are in zoned-time.ts.
 */

export interface CalendarEntry {
  date: string;
  is_workday: boolean;
  /** official: from the chinese-days package; notice: imported from the State Council's notice; company: typed by an administrator */
  source?: 'official' | 'notice' | 'company' | null;
}

export interface WorkCalendar {
  /** An entry for the date wins; otherwise Monday to Friday are working days. */
  isWorkday(date: string): boolean;
  /** True when at least one entry of that year comes from the official data. */
  hasOfficialData(year: number): boolean;
}

const formatDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A company entry beats an official one for the same date, whatever the order, so a company
 * decision (work on a public holiday, close on a make-up day) survives re-importing official data.
 */
export function createWorkCalendar(entries: CalendarEntry[]): WorkCalendar {
  const byDate = new Map<string, CalendarEntry>();
  const officialYears = new Set<number>();
  for (const entry of entries) {
    utcMidnight(entry.date); // a malformed date would otherwise never match and be silently ignored
    if (entry.source === 'official' || entry.source === 'notice') officialYears.add(Number(entry.date.slice(0, 4)));
    if (byDate.get(entry.date)?.source === 'company' && entry.source !== 'company') continue;
    byDate.set(entry.date, entry);
  }
  return {
    isWorkday(date) {
      const weekday = new Date(utcMidnight(date)).getUTCDay();
      return byDate.get(date)?.is_workday ?? (weekday >= 1 && weekday <= 5);
    },
    hasOfficialData(year) {
      return officialYears.has(year);
    },
  };
}

export function addCalendarDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Day count must be an integer, got ${days}`);
  return formatDate(utcMidnight(date) + days * DAY_MS);
}

/**
 * Answers of nthWorkdayAfter per calendar (a calendar never changes: a changed one is a new object), so a
 * recompute of many open cases walks the days once per distinct start day and limit, not once per case.
 */
const workdayAnswers = new WeakMap<WorkCalendar, Map<string, string>>();

/** The n-th working day strictly after `date`; `date` itself never counts, working day or not. */
export function nthWorkdayAfter(calendar: WorkCalendar, date: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Working-day count must be a positive integer, got ${n}`);
  let answers = workdayAnswers.get(calendar);
  if (!answers) workdayAnswers.set(calendar, (answers = new Map()));
  const key = `${date}|${n}`;
  let answer = answers.get(key);
  if (answer === undefined) answers.set(key, (answer = walkWorkdays(calendar, date, n)));
  return answer;
}

function walkWorkdays(calendar: WorkCalendar, date: string, n: number): string {
  let day = date;
  for (let found = 0; found < n;) {
    day = addCalendarDays(day, 1);
    if (calendar.isWorkday(day)) found++;
  }
  return day;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** Working days in (from, to]: `from` itself never counts, as in nthWorkdayAfter; 0 when `to` is not later. */
export function workdaysBetween(calendar: WorkCalendar, from: string, to: string): number {
  let count = 0;
  for (let day = addCalendarDays(from, 1); utcMidnight(day) <= utcMidnight(to); day = addCalendarDays(day, 1)) {
    if (calendar.isWorkday(day)) count++;
  }
  return count;
}
