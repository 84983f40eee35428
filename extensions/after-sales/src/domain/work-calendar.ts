import { zonedParts } from './zoned-time';

/**
 * Working-day calendar and local-date arithmetic. Dates are 'YYYY-MM-DD' strings with no time zone;
 * instants only appear at the edges (localDate, startOfLocalDay), always with an explicit zone, so
 * nothing depends on the process time zone.
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

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of 00:00 UTC of the date, refusing malformed or impossible dates like 2026-02-30. */
function utcMidnight(date: string): number {
  const match = DATE_PATTERN.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Invalid calendar date "${date}", expected YYYY-MM-DD`);
  }
  return ms;
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

/** The n-th working day strictly after `date`; `date` itself never counts, working day or not. */
export function nthWorkdayAfter(calendar: WorkCalendar, date: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Working-day count must be a positive integer, got ${n}`);
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

export function localDate(instant: Date, timeZone: string): string {
  const { year, month, day } = zonedParts(instant, timeZone);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** How far the zone's wall clock is ahead of UTC at a whole-second instant. */
function offsetAt(ms: number, timeZone: string): number {
  const p = zonedParts(new Date(ms), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - ms;
}

/**
 * The first instant of a local date. The offsets a day before and after cover any DST change
 * around midnight: when 00:00 happens twice the earlier one is the start of the day; when the
 * clocks skip 00:00 the day starts at the transition, which the pre-transition offset gives.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const wallMidnight = utcMidnight(date);
  const before = wallMidnight - offsetAt(wallMidnight - DAY_MS, timeZone);
  const after = wallMidnight - offsetAt(wallMidnight + DAY_MS, timeZone);
  const exact = [before, after].filter((ms) => ms + offsetAt(ms, timeZone) === wallMidnight);
  return new Date(exact.length > 0 ? Math.min(...exact) : before);
}
