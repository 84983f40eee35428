/**
 * The one time module: instants seen in a time zone, always with an explicit zone, so nothing depends
 * on the process TZ. Calendar dates are 'YYYY-MM-DD' strings; their arithmetic is in work-calendar.ts.
 */

/** Calendar parts of an instant as seen in a time zone. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 0,
    day: parts['day'] ?? 0,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of 00:00 UTC of the date, refusing malformed or impossible dates like 2026-02-30. */
export function utcMidnight(date: string): number {
  const match = DATE_PATTERN.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Invalid calendar date "${date}", expected YYYY-MM-DD`);
  }
  return ms;
}

/** A stored time (ISO text, epoch milliseconds or a Date) as an instant; null for no time or an unreadable one. */
export function instant(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  return Number.isNaN(date.getTime()) ? null : date;
}

const HOUR_MS = 3_600_000;
/** Years whose dates toISOString writes as YYYY-MM-DD, as localDate pads them. */
const FAST_FROM = Date.UTC(1900, 0, 1);
const FAST_UNTIL = Date.UTC(9000, 0, 1);
/** Per time zone: UTC hour → the zone's offset through that hour, or null when it changes within it. */
const hourOffsets = new Map<string, Map<number, number | null>>();
/** Per time zone: local date → its first instant (startOfLocalDay). */
const dayStarts = new Map<string, Map<string, number>>();
/** Entries kept per time zone and cache before it starts again (a long-running server meets new hours every hour). */
const CACHE_LIMIT = 200_000;

function cacheFor<V>(caches: Map<string, Map<any, V>>, timeZone: string): Map<any, V> {
  let cache = caches.get(timeZone);
  if (!cache || cache.size >= CACHE_LIMIT) caches.set(timeZone, (cache = new Map()));
  return cache;
}

/**
 * The zone's offset through the UTC hour holding `ms`: the offsets at the hour's start and at the next hour's
 * start, when equal (no zone changes its offset and back within an hour); null when it changes inside the hour.
 * Intl is asked once per hour and zone instead of once per instant: the recompute of 100k open cases meets a few
 * thousand hours.
 */
function offsetThroughHour(ms: number, timeZone: string): number | null {
  const hour = Math.floor(ms / HOUR_MS);
  const cache = cacheFor(hourOffsets, timeZone);
  let offset = cache.get(hour);
  if (offset === undefined) {
    const atStart = offsetAt(hour * HOUR_MS, timeZone);
    offset = atStart === offsetAt((hour + 1) * HOUR_MS, timeZone) ? atStart : null;
    cache.set(hour, offset);
  }
  return offset;
}

/** The local date of an instant, 'YYYY-MM-DD'. */
export function localDate(at: Date, timeZone: string): string {
  const ms = at.getTime();
  const offset = ms >= FAST_FROM && ms < FAST_UNTIL ? offsetThroughHour(ms, timeZone) : null;
  // Offsets are whole seconds: the wall clock's date at `ms` is the UTC date of ms + offset.
  if (offset !== null) return new Date(ms + offset).toISOString().slice(0, 10);
  const { year, month, day } = zonedParts(at, timeZone);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** An instant as the console shows times everywhere: 2026-12-05 14:20 (local wall time). */
export function formatLocal(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

/** formatLocal of a stored time; null for no time or an unreadable one. */
export function formatInstant(value: unknown, timeZone: string): string | null {
  const at = instant(value);
  return at ? formatLocal(at, timeZone) : null;
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
  const cache = cacheFor(dayStarts, timeZone);
  let start = cache.get(date);
  if (start === undefined) cache.set(date, (start = firstInstantOf(date, timeZone)));
  return new Date(start);
}

function firstInstantOf(date: string, timeZone: string): number {
  const wallMidnight = utcMidnight(date);
  const before = wallMidnight - offsetAt(wallMidnight - DAY_MS, timeZone);
  const after = wallMidnight - offsetAt(wallMidnight + DAY_MS, timeZone);
  const exact = [before, after].filter((ms) => ms + offsetAt(ms, timeZone) === wallMidnight);
  return exact.length > 0 ? Math.min(...exact) : before;
}
