import type Handlebars from 'handlebars';
import { amountInChineseCapitals, amountToFen } from '../domain/rmb-capital';
import { formatLocal, isValidTimeZone, zonedParts } from '../domain/zoned-time';
import { LABELS } from '../domain/choice-labels';

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Only instants that carry their offset: a bare local time would be read in the server's zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function toInstant(value: unknown): Date {
  const instant = value instanceof Date ? value : typeof value === 'string' && INSTANT.test(value) ? new Date(value) : null;
  if (!instant || Number.isNaN(instant.getTime())) throw new Error(`无法识别的时间：${String(value)}`);
  return instant;
}

function cnDate(value: unknown, timeZone: string): string {
  if (isBlank(value)) return '';
  // A calendar date (保险期间, 终止日期) has no zone: print it as stored.
  const plain = typeof value === 'string' ? PLAIN_DATE.exec(value) : null;
  if (plain) return `${Number(plain[1])}年${Number(plain[2])}月${Number(plain[3])}日`;
  const { year, month, day } = zonedParts(toInstant(value), timeZone);
  return `${year}年${month}月${day}日`;
}

// A time in a form's cell (开立时间, 原定期限) reads as everywhere in the console: 2026-12-05 14:20.
function cnDateTime(value: unknown, timeZone: string): string {
  if (isBlank(value)) return '';
  return formatLocal(toInstant(value), timeZone);
}

function toAmount(value: unknown, helper: string): number | string {
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw new Error(`${helper} 需要金额，得到：${String(value)}`);
}

function money(value: unknown): string {
  if (isBlank(value)) return '';
  const fen = amountToFen(toAmount(value, 'money'));
  const yuan = (fen / 100n).toString().replace(/\B(?=(\d{3})+$)/g, ',');
  return `${yuan}.${(fen % 100n).toString().padStart(2, '0')} 元`;
}

function label(kind: unknown, key: unknown): string {
  const labels = typeof kind === 'string' && Object.hasOwn(LABELS, kind) ? LABELS[kind] : undefined;
  const text = labels && typeof key === 'string' && Object.hasOwn(labels, key) ? labels[key] : undefined;
  if (text === undefined) throw new Error(`没有“${String(kind)}”类的标签“${String(key)}”`);
  return text;
}

/**
 * The helpers every letter template may use. Dates in prose are printed as 2026年1月1日 (no zero
 * padding, as in official documents), times as 2026-01-01 14:20 like the rest of the console; instants in `timeZone`. Blank dates and amounts print blank so an
 * optional field leaves an empty line, but `rmb` and `label` throw: a letter must never state
 * an amount in words or a reason it does not know.
 */
export function registerLetterHelpers(hb: typeof Handlebars, timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`无效的时区：${timeZone}`);
  hb.registerHelper('cnDate', (value: unknown) => cnDate(value, timeZone));
  hb.registerHelper('cnDateTime', (value: unknown) => cnDateTime(value, timeZone));
  hb.registerHelper('money', money);
  hb.registerHelper('rmb', (value: unknown) => amountInChineseCapitals(toAmount(value, 'rmb')));
  // For `{{#if (nonZero complaint.offer_amount)}}`: '0.00' is truthy to Handlebars' own #if.
  hb.registerHelper('nonZero', (value: unknown) => !isBlank(value) && amountToFen(toAmount(value, 'nonZero')) !== 0n);
  hb.registerHelper('label', label);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('join', (items: unknown, separator: unknown) => {
    if (!Array.isArray(items) || typeof separator !== 'string') throw new Error('join 需要一个数组和分隔符：{{join 列表 "、"}}');
    return items.map(String).join(separator);
  });
}
