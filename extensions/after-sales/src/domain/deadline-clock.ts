import { addCalendarDays, nthWorkdayAfter, type WorkCalendar } from './work-calendar';
import { localDate, startOfLocalDay } from './zoned-time';

/**
 * Service-level deadline clock. Business rules:
 * - hours: due exactly limit_value hours after start.
 * - days: the start day does not count; due at 24:00 (00:00 of the next day) in `timeZone` of the
 *   local date start + limit_value days.
 * - workdays: the start day does not count, working day or not; due at 24:00 of the limit_value-th
 *   working day after the local start date.
 * - warnAt = start + warn_ratio × (due before pauses − start).
 * - Pauses add their wall-clock length (clipped to after start, overlaps counted once) to both
 *   dueAt and warnAt. computeDeadline only counts closed pauses; an open pause makes the status
 *   'paused', and when judging a stop or measuring overdue time it counts up to that moment, since
 *   the clock was frozen until then.
 * - Status: stopped → 'met' when stopped by dueAt, else 'met_late'; an open pause → 'paused';
 *   otherwise 'breached' from dueAt, 'warning' from warnAt, else 'on_track'.
 */

export type LimitUnit = 'hours' | 'days' | 'workdays';

export interface DeadlineRule {
  limit_value: number;
  limit_unit: LimitUnit;
  warn_ratio: number;
}

/** `to === null`: still paused. */
export interface Pause {
  from: Date;
  to: Date | null;
}

export interface ClockInput {
  start: Date;
  rule: DeadlineRule;
  calendar: WorkCalendar;
  timeZone: string;
  pauses?: Pause[];
}

export interface Deadline {
  dueAt: Date;
  warnAt: Date;
}

export type ClockStatus = 'on_track' | 'warning' | 'breached' | 'paused' | 'met' | 'met_late';

type ClockState = ClockInput & { now: Date; stoppedAt?: Date | null };

const HOUR_MS = 3_600_000;

function validate({ start, rule, pauses = [] }: ClockInput): void {
  if (Number.isNaN(start.getTime())) throw new RangeError('Clock start is not a valid date');
  if (!Number.isInteger(rule.limit_value) || rule.limit_value <= 0) {
    throw new RangeError(`limit_value must be a positive integer, got ${rule.limit_value}`);
  }
  if (!(rule.warn_ratio > 0 && rule.warn_ratio < 1)) {
    throw new RangeError(`warn_ratio must be strictly between 0 and 1, got ${rule.warn_ratio}`);
  }
  if (!['hours', 'days', 'workdays'].includes(rule.limit_unit)) {
    throw new RangeError(`limit_unit must be hours, days or workdays, got "${rule.limit_unit}"`);
  }
  for (const pause of pauses) {
    if (pause.to && pause.to < pause.from) {
      throw new RangeError(`Pause ends (${pause.to.toISOString()}) before it starts (${pause.from.toISOString()})`);
    }
  }
}

/** 24:00 of a local date, i.e. the start of the next one. */
const endOfLocalDay = (date: string, timeZone: string) => startOfLocalDay(addCalendarDays(date, 1), timeZone).getTime();

/**
 * Due times of day and working-day limits per calendar, time zone, limit and local start day: cases started on
 * the same day under the same rule are due at the same instant, so a recompute of many open cases counts the days
 * once per distinct start day (a calendar never changes: a changed one is a new object).
 */
const dueByStartDay = new WeakMap<WorkCalendar, Map<string, number>>();

function unpausedDue({ start, rule, calendar, timeZone }: ClockInput): number {
  if (rule.limit_unit === 'hours') return start.getTime() + rule.limit_value * HOUR_MS;
  const startDay = localDate(start, timeZone);
  let dues = dueByStartDay.get(calendar);
  if (!dues) dueByStartDay.set(calendar, (dues = new Map()));
  const key = `${timeZone}|${rule.limit_unit}|${rule.limit_value}|${startDay}`;
  let due = dues.get(key);
  if (due === undefined) {
    const lastDay =
      rule.limit_unit === 'days' ? addCalendarDays(startDay, rule.limit_value) : nthWorkdayAfter(calendar, startDay, rule.limit_value);
    dues.set(key, (due = endOfLocalDay(lastDay, timeZone)));
  }
  return due;
}

/** Paused milliseconds after start; open pauses count up to `openUntil`, or not at all without it. */
function pausedMs(start: Date, pauses: Pause[], openUntil?: Date): number {
  const spans = pauses
    .map((pause) => [Math.max(pause.from.getTime(), start.getTime()), (pause.to ?? openUntil)?.getTime()] as const)
    .filter((span): span is readonly [number, number] => span[1] !== undefined && span[1] > span[0])
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let coveredUntil = -Infinity;
  for (const [from, to] of spans) {
    total += Math.max(0, to - Math.max(from, coveredUntil));
    coveredUntil = Math.max(coveredUntil, to);
  }
  return total;
}

function deadline(input: ClockInput, openUntil?: Date): Deadline {
  validate(input);
  const start = input.start.getTime();
  const due = unpausedDue(input);
  const paused = pausedMs(input.start, input.pauses ?? [], openUntil);
  return {
    dueAt: new Date(due + paused),
    warnAt: new Date(start + Math.round(input.rule.warn_ratio * (due - start)) + paused),
  };
}

export function computeDeadline(input: ClockInput): Deadline {
  return deadline(input);
}

/**
 * The status of a clock from its due and warning times (as the cases store them): what the ledger,
 * the status counts and clockStatus all judge by.
 */
export function statusFromTimes({
  dueAt,
  warnAt,
  now,
  stoppedAt,
}: Deadline & { now: Date; stoppedAt?: Date | null }): Exclude<ClockStatus, 'paused'> {
  if (stoppedAt) return stoppedAt <= dueAt ? 'met' : 'met_late';
  if (now >= dueAt) return 'breached';
  if (now >= warnAt) return 'warning';
  return 'on_track';
}

/** A running clock at `now`, from its due and warning times (as computed, or as stored on a case). */
export function runningStatus(now: Date, { dueAt, warnAt }: Deadline): 'breached' | 'warning' | 'on_track' {
  return statusFromTimes({ dueAt, warnAt, now }) as 'breached' | 'warning' | 'on_track';
}

export function clockStatus(input: ClockState): ClockStatus {
  const { now, stoppedAt } = input;
  if (stoppedAt) return statusFromTimes({ ...deadline(input, stoppedAt), now, stoppedAt });
  if (input.pauses?.some((pause) => pause.to === null)) return 'paused';
  return statusFromTimes({ ...deadline(input), now });
}

/** Milliseconds past dueAt at stoppedAt ?? now; 0 when not late. */
export function overdueBy(input: ClockState): number {
  const at = input.stoppedAt ?? input.now;
  return Math.max(0, at.getTime() - deadline(input, at).dueAt.getTime());
}

/**
 * Local years the clock runs through, [start, dueAt), whose holidays are unknown, so the caller can
 * warn that a workday deadline may move once that year's official calendar is published. dueAt
 * itself is excluded: a due at 00:00 on 1 January only counts days of the year before.
 */
/**
 * Years whose missing official holidays administrators must hear about whatever cases are open:
 * this year, and next year from 1 November (local), since the State Council publishes next year's
 * arrangement in the autumn and the first cases run into January by December.
 */
export function calendarGapYears(calendar: WorkCalendar, now: Date, timeZone: string): number[] {
  const today = localDate(now, timeZone);
  const year = Number(today.slice(0, 4));
  const years = today.slice(5) >= '11-01' ? [year, year + 1] : [year];
  return years.filter((candidate) => !calendar.hasOfficialData(candidate));
}

export function yearsWithoutOfficialData(calendar: WorkCalendar, start: Date, dueAt: Date, timeZone: string): number[] {
  const first = Number(localDate(start, timeZone).slice(0, 4));
  const last = Math.max(first, Number(localDate(new Date(dueAt.getTime() - 1), timeZone).slice(0, 4)));
  const years: number[] = [];
  for (let year = first; year <= last; year++) {
    if (!calendar.hasOfficialData(year)) years.push(year);
  }
  return years;
}
