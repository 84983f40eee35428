import { addCalendarDays, daysBetween } from './work-calendar';
import { localDate } from './zoned-time';

/**
 * Reads the State Council's notice of a year's holidays (国务院办公厅关于 YYYY 年部分节假日安排的通知)
 * as pasted by an administrator: one numbered line per holiday, e.g.
 * “一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。”
 * A holiday line that cannot be read with certainty lands in `unparsed` as a whole (no partial
 * import of a line), so the administrator sees it instead of a silently missing holiday.
 */

export interface NoticeDay {
  date: string;
  is_workday: boolean;
  name: string;
}

export interface HolidayNotice {
  /** null when neither the title nor a date line names the year (and no `now` was given). */
  year: number | null;
  days: NoticeDay[];
  unparsed: string[];
}

interface DateToken {
  year: number | null;
  month: number;
  day: number;
  weekday: number | null;
  index: number;
  end: number;
}

const HOLIDAY_LINE = /^\s*(?:[一二三四五六七八九十]+\s*[、.．]\s*)?([\u4e00-\u9fa5、]{2,12})\s*(?:[（(][^）)]*[）)])?\s*[：:]\s*(.+)$/;
const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(?:\s*[（(]([^）)]*)[）)])?/g;
const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const LOOKS_LIKE_ARRANGEMENT = /\d{1,2}\s*月\s*\d{1,2}\s*日.*(放假|上班|补休|调休)/;

class UnreadableLine extends Error {}

const pad = (value: number) => String(value).padStart(2, '0');

function weekdayOf(bracket: string | undefined): number | null {
  const match = bracket ? /(?:周|星期)\s*([日天一二三四五六])/.exec(bracket) : null;
  return match ? WEEKDAYS[match[1]!]! : null;
}

function dateTokens(clause: string): DateToken[] {
  const tokens: DateToken[] = [];
  let month: number | null = null;
  let year: number | null = null;
  for (const match of clause.matchAll(DATE)) {
    // “至3日” and “、18日” take the month (and year) of the date before them.
    if (match[2]) month = Number(match[2]);
    if (match[1]) year = Number(match[1]);
    if (month === null) throw new UnreadableLine();
    tokens.push({
      year: match[1] ? year : match[2] ? null : year,
      month,
      day: Number(match[3]),
      weekday: weekdayOf(match[4]),
      index: match.index!,
      end: match.index! + match[0].length,
    });
  }
  return tokens;
}

/** A real date in `year` that falls on the weekday the notice names, or null. */
function dateIn(year: number, token: DateToken): string | null {
  const date = `${year}-${pad(token.month)}-${pad(token.day)}`;
  const ms = Date.UTC(year, token.month - 1, token.day);
  if (new Date(ms).toISOString().slice(0, 10) !== date) return null;
  if (token.weekday !== null && new Date(ms).getUTCDay() !== token.weekday) return null;
  return date;
}

/**
 * Dates without a year belong to the notice's year; the year before or after is taken only when
 * the named weekdays say so (a 元旦 straddling the turn of the year). A range whose end month is
 * before its start month runs into the next year.
 */
function resolve(tokens: DateToken[], noticeYear: number): string[] {
  // “12月30日至1月1日” in the notice of year Y is most likely Y's 元旦, which starts in Y-1.
  const wraps = tokens.some((token, i) => token.year === null && (tokens[i - 1]?.month ?? 0) > token.month);
  const candidates = (wraps ? [-1, 0, 1] : [0, -1, 1]).map((shift) => {
    let rolled = 0;
    return tokens.map((token, i) => {
      const previous = tokens[i - 1];
      if (previous && token.year === null && previous.month > token.month) rolled = 1;
      return dateIn(token.year ?? noticeYear + shift + rolled, token);
    });
  });
  const fit = candidates.find((dates) => dates.every((date) => date !== null));
  if (!fit) throw new UnreadableLine();
  return fit as string[];
}

function holidayDates(clause: string, noticeYear: number): string[] {
  const tokens = dateTokens(clause);
  if (tokens.length === 0) throw new UnreadableLine();
  const ranges: DateToken[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const between = clause.slice(tokens[i]!.end, tokens[i + 1]?.index);
    if (tokens[i + 1] && /^\s*[至到\-—~～]\s*$/.test(between)) {
      ranges.push([tokens[i]!, tokens[i + 1]!]);
      i++;
    } else {
      ranges.push([tokens[i]!]);
    }
  }
  return ranges.flatMap((range) => {
    const [first, last = first] = resolve(range, noticeYear);
    const length = daysBetween(first!, last!);
    if (length < 0 || length > 31) throw new UnreadableLine();
    return Array.from({ length: length + 1 }, (_, i) => addCalendarDays(first!, i));
  });
}

function workdayDates(clause: string, noticeYear: number): string[] {
  const tokens = dateTokens(clause);
  if (tokens.length === 0) throw new UnreadableLine();
  // Several make-up days are listed one by one (“2月4日（星期日）、2月18日（星期日）上班”), never as a range.
  return tokens.flatMap((token) => resolve([token], noticeYear));
}

function parseLine(name: string, body: string, noticeYear: number): NoticeDay[] {
  const days: NoticeDay[] = [];
  let stated: number | null = null;
  // Advice such as “鼓励各单位…安排职工在除夕（2月9日）休息” is no arrangement. Brackets may hold
  // punctuation (“农历除夕、周二”), so clauses are cut only outside them.
  const clauses = body
    .replace(/[（(][^）)]*[）)]/g, (bracket) => bracket.replace(/[，,；;。]/g, ' '))
    .split(/[。；;]/)
    .filter((sentence) => !/^\s*鼓励/.test(sentence))
    .flatMap((sentence) => sentence.split(/[，,]/));
  for (const raw of clauses) {
    const clause = raw.trim();
    if (!clause) continue;
    const total = /共\s*(\d+)\s*天|放假\s*(\d+)\s*天/.exec(clause);
    if (total) stated = Number(total[1] ?? total[2]);
    const hasDate = /\d\s*日/.test(clause);
    if (/上班/.test(clause)) {
      if (/放假|补休/.test(clause)) throw new UnreadableLine();
      for (const date of workdayDates(clause, noticeYear)) days.push({ date, is_workday: true, name: `${name}调休上班` });
    } else if (/放假|补休/.test(clause) && hasDate) {
      for (const date of holidayDates(clause, noticeYear)) days.push({ date, is_workday: false, name });
    } else if (hasDate) {
      throw new UnreadableLine();
    } else if (!/^(共\s*\d+\s*天|与周末连休|不调休|放假调休|调休|放假\s*\d+\s*天(，?不调休)?)$/.test(clause)) {
      throw new UnreadableLine();
    }
  }
  const holidays = days.filter((day) => !day.is_workday).length;
  if (holidays === 0 || (stated !== null && stated !== holidays)) throw new UnreadableLine();
  if (new Set(days.map((day) => day.date)).size !== days.length) throw new UnreadableLine();
  return days;
}

function noticeYearOf(lines: string[], now: Date | undefined): number | null {
  const text = lines.join('\n');
  const titled = /关于\s*(\d{4})\s*年/.exec(text) ?? /现将\s*(\d{4})\s*年/.exec(text);
  if (titled) return Number(titled[1]);
  // The latest year of the first holiday line: “2018年12月30日至2019年1月1日” is the 2019 notice.
  const firstHolidayLine = lines.find((line) => HOLIDAY_LINE.test(line) && /\d\s*日/.test(line));
  const years = [...(firstHolidayLine ?? '').matchAll(/(\d{4})\s*年/g)].map((match) => Number(match[1]));
  if (years.length) return Math.max(...years);
  // A notice is published in the autumn for the coming year.
  return now ? Number(localDate(now, 'Asia/Shanghai').slice(0, 4)) + 1 : null;
}

export function parseHolidayNotice(text: string, now?: Date): HolidayNotice {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const year = noticeYearOf(lines, now);
  const byDate = new Map<string, NoticeDay>();
  const unparsed: string[] = [];
  for (const line of lines) {
    const match = HOLIDAY_LINE.exec(line);
    const isArrangement = match && /\d\s*日/.test(match[2]!);
    if (!isArrangement) {
      if (LOOKS_LIKE_ARRANGEMENT.test(line)) unparsed.push(line);
      continue;
    }
    if (year === null) {
      unparsed.push(line);
      continue;
    }
    try {
      const days = parseLine(match[1]!, match[2]!, year);
      if (days.some((day) => byDate.has(day.date))) throw new UnreadableLine();
      for (const day of days) byDate.set(day.date, day);
    } catch (error) {
      if (!(error instanceof UnreadableLine)) throw error;
      unparsed.push(line);
    }
  }
  return { year, days: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)), unparsed };
}
