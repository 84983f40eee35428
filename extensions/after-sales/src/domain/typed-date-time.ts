/**
 * A date and time as a clerk types it while the caller speaks: "2026-11-30 14:20", "2026/11/30 14:20",
 * "11-30 14:20", "今天 14:20", "昨天 9:05", "前天下午3点半", "14:20" (today), "现在". Wall-clock parts
 * only: the caller of this function turns them into an instant in the clerk's time zone.
 */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const RELATIVE_DAYS: Record<string, number> = { 今天: 0, 今日: 0, 昨天: -1, 昨日: -1, 昨晚: -1, 前天: -2, 大前天: -3 };
const AFTERNOON = ['下午', '晚上', '傍晚', '夜里'];
const MORNING = ['上午', '早上', '早晨', '凌晨'];

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** 2026-11-30 14:20 */
export const formatWallClock = (t: WallClock): string => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
/** 星期一 … 星期日 of a calendar day. */
export const weekdayOf = (t: WallClock): string => `星期${WEEKDAYS[new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay()]}`;

function shiftDays(t: WallClock, days: number): Pick<WallClock, 'year' | 'month' | 'day'> {
  const date = new Date(Date.UTC(t.year, t.month - 1, t.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Full-width digits and punctuation as typed by a Chinese input method, made plain. */
function plain(text: string): string {
  return text
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[：]/g, ':')
    .replace(/[－—／．]/g, (mark) => ({ '－': '-', '—': '-', '／': '/', '．': '.' })[mark] ?? mark)
    .replace(/\s+/g, ' ')
    .trim();
}

/** "14:20", "9点", "9点05", "9点05分", "下午3点半", "15时" → hour and minute; "" → null (no time given). */
function parseTime(text: string): { hour: number; minute: number } | null | 'invalid' {
  let rest = text.trim();
  if (rest === '') return null;
  const period = /^(上午|早上|早晨|凌晨|中午|下午|晚上|傍晚|夜里)\s*/.exec(rest)?.[0] ?? '';
  rest = rest.slice(period.length);
  const name = period.trim();
  const match = /^(\d{1,2})(?::(\d{1,2})|(?:点|时)(?:(半)|(\d{1,2})分?)?)?$/.exec(rest);
  if (!match) return 'invalid';
  let hour = Number(match[1]);
  const minute = match[3] ? 30 : Number(match[2] ?? match[4] ?? 0);
  if ((AFTERNOON.includes(name) && hour < 12) || (name === '中午' && hour < 6)) hour += 12;
  if (MORNING.includes(name) && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return 'invalid';
  return { hour, minute };
}

/**
 * What a typed text means, as wall-clock parts; `now` is the clerk's wall clock (for 今天, 昨天, a
 * date without year, a time alone). Null when the text cannot be read as one exact day.
 * A date without a time means 00:00, as the date picker sets it.
 */
export function parseTypedDateTime(text: string, now: WallClock): WallClock | null {
  const input = plain(text);
  if (input === '') return null;
  if (input === '现在' || input === '刚才' || input === '刚刚') return { ...now };

  let day: Pick<WallClock, 'year' | 'month' | 'day'>;
  let rest = input;
  const relative = /^(大前天|前天|昨天|昨日|昨晚|今天|今日|今晚)/.exec(rest);
  const full = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*[日号]\s*|\s+|T|(?=\D)|$)/.exec(rest);
  const compact = /^(\d{4})(\d{2})(\d{2})(?:\s+|$)/.exec(rest);
  const monthDay = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*[日号]\s*|\s+|(?=\D)|$)/.exec(rest);
  if (relative) {
    day = shiftDays(now, RELATIVE_DAYS[relative[1]!] ?? 0);
    // 今晚 and 昨晚 say both the day and the half of it.
    rest = relative[1] === '今晚' || relative[1] === '昨晚' ? `晚上${rest.slice(relative[0].length)}` : rest.slice(relative[0].length);
  } else if (full || compact) {
    const m = (full ?? compact)!;
    day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    rest = rest.slice(m[0].length);
  } else if (monthDay && !/^\d{1,2}:\d/.test(rest)) {
    day = { year: now.year, month: Number(monthDay[1]), day: Number(monthDay[2]) };
    rest = rest.slice(monthDay[0].length);
  } else {
    day = { year: now.year, month: now.month, day: now.day };
  }
  if (!validDay(day.year, day.month, day.day)) return null;
  const time = parseTime(rest.replace(/^晚上\s*$/, ''));
  if (time === 'invalid') return null;
  if (time === null) {
    // A time alone is required when no day was typed; "今天" alone is the day at 00:00.
    if (day.year === now.year && day.month === now.month && day.day === now.day && input === rest) return null;
    return { ...day, hour: 0, minute: 0 };
  }
  return { ...day, ...time };
}
