import { weekdayWorks, type CalendarRow } from './calendar-toggle';

/** How a day of the month view reads: a plain working day or weekend, a holiday, a make-up working day. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface MonthDay {
  date: string;
  day: number;
  inMonth: boolean;
  isWorkday: boolean;
  kind: DayKind;
  name: string | null;
  source: CalendarRow['source'] | null;
  /** set by the company (a click or the list), so an import of the notice keeps it */
  handMade: boolean;
}

export const DAY_KIND_TEXT: Record<DayKind, string> = { workday: '工作日', weekend: '周末', holiday: '休', makeup: '班' };
export const SOURCE_TEXT: Record<string, string> = { official: '国务院公布', notice: '导入通知', company: '公司自定' };
export const WEEKDAY_HEADERS = ['一', '二', '三', '四', '五', '六', '日'];

const pad = (value: number) => String(value).padStart(2, '0');
export const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

function kindOf(date: string, isWorkday: boolean): DayKind {
  const usual = weekdayWorks(date);
  if (isWorkday) return usual ? 'workday' : 'makeup';
  return usual ? 'holiday' : 'weekend';
}

/**
 * The weeks (Monday first) of a month with each day as the deadline engine counts it: a calendar
 * row wins, otherwise Monday to Friday work. Days of the neighbouring months fill the first and
 * last week (`inMonth` false).
 */
export function monthGrid(year: number, month: number, rows: Pick<CalendarRow, 'date' | 'is_workday' | 'name' | 'source'>[]): MonthDay[][] {
  const byDate = new Map(rows.map((row) => [String(row.date).slice(0, 10), row]));
  const first = Date.UTC(year, month - 1, 1);
  const lead = (new Date(first).getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells = Math.ceil((lead + days) / 7) * 7;
  const weeks: MonthDay[][] = [];
  for (let index = 0; index < cells; index++) {
    const at = new Date(first + (index - lead) * 86_400_000);
    const date = isoDate(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
    const row = byDate.get(date);
    const isWorkday = row ? row.is_workday : weekdayWorks(date);
    const cell: MonthDay = {
      date,
      day: at.getUTCDate(),
      inMonth: at.getUTCMonth() === month - 1,
      isWorkday,
      kind: kindOf(date, isWorkday),
      name: row?.name ?? null,
      source: row?.source ?? null,
      handMade: row?.source === 'company',
    };
    if (index % 7 === 0) weeks.push([]);
    weeks[weeks.length - 1]!.push(cell);
  }
  return weeks;
}

/** The month after (+1) or before (-1) a month. */
export function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}
