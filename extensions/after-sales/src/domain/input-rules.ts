import { numberedPairViolation, touchesNumberedPair } from './numbered-fields';
import { isMaskedValue, PERSONAL_FIELDS } from './personal-data';

/**
 * What a client may store, beyond what Directus itself checks: values of the field's type, real
 * calendar dates (JavaScript would turn 2026-02-30 into 2 March), bounded text without control
 * characters, event times that are not in the future and come in their natural order. Each
 * refusal names the field and the rule; nothing is coerced or trimmed silently.
 *
 * Free text is stored as typed: quotes, `<`, `&`, `{{`, words such as select and from are what
 * customers write. Queries are parameterised, letters escape every value and notifications escape
 * what staff typed (domain/markdown-text.ts), so text is harmless wherever it is shown.
 */

export interface InputViolation {
  field: string;
  /** the rule, in Chinese, completing “<label>”（field）… */
  rule: string;
}

/**
 * Longest text the console stores: a varchar column (its own declared length, else 255; SQLite would
 * store a longer value where PostgreSQL refuses it), a free-text field (a letter page is ~2,000 characters).
 */
export const MAX_STRING_LENGTH = 255;
export const MAX_TEXT_LENGTH = 10_000;
/** Clocks of client and server differ a little; an event a few minutes "ahead" is not the future. */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;

/** Collections staff write free text into: case and reference data (rule tables hold markdown, letters hold HTML). */
export const PLAIN_TEXT_COLLECTIONS = [
  'insurers',
  'products',
  'customers',
  'policies',
  'claim_reports',
  'claim_applications',
  'claim_documents',
  'surrender_requests',
  'endorsement_requests',
  'complaints',
  'complaint_steps',
  'urge_notices',
  'overdue_inquiries',
  'petitions',
  'complaint_monthly_stats',
];

/** Times of events that have happened (they start clocks and eligibility), and pairs that must be in order. */
export const EVENT_TIME_RULES: Record<string, { past: string[]; order: [string, string][] }> = {
  claim_reports: {
    past: ['incident_at', 'reported_at', 'learned_at', 'hq_reported_at', 'scene_protection_notified_at', 'insurer_survey_notified_at'],
    order: [
      ['incident_at', 'reported_at'],
      ['incident_at', 'learned_at'],
      ['learned_at', 'reported_at'],
    ],
  },
  claim_applications: { past: ['materials_complete_at', 'handed_over_at'], order: [['materials_complete_at', 'handed_over_at']] },
  claim_documents: { past: ['received_at'], order: [] },
  policies: {
    past: [],
    order: [
      ['start_date', 'end_date'],
      ['start_date', 'terminated_at'],
    ],
  },
  complaints: {
    past: ['closed_at', 'investigated_at'],
    order: [
      ['registered_at', 'closed_at'],
      ['registered_at', 'investigated_at'],
    ],
  },
};

/** C0 controls other than tab, line feed and carriage return, and DEL: no keyboard types them. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?$)/;

function realCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d, hh, mm, ss] = match.map(Number);
  const daysInMonth = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  if (m! < 1 || m! > 12 || d! < 1 || d! > daysInMonth) return false;
  return match[4] === undefined || (hh! < 24 && mm! < 60 && (match[6] === undefined || ss! < 60));
}

/** Whether a value fits a Directus field type; null is left to the field's nullability. */
export function typeViolation(type: string, value: unknown, maxLength: number = MAX_STRING_LENGTH): string | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'integer':
    case 'bigInteger':
      return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?\d{1,15}$/.test(value))
        ? null
        : '应为整数';
    case 'float':
    case 'decimal':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^-?\d{1,15}(\.\d+)?$/.test(value))
        ? null
        : '应为数字';
    case 'boolean':
      return typeof value === 'boolean' || value === 0 || value === 1 || value === 'true' || value === 'false'
        ? null
        : '应为“是”或“否”（true/false）';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && realCalendarDate(value)
        ? null
        : '不是有效的日期（格式 YYYY-MM-DD，且须是日历上存在的日期）';
    case 'timestamp':
    case 'dateTime':
      return typeof value === 'string' && realCalendarDate(value) ? null : '不是有效的日期时间（ISO 8601，且须是日历上存在的日期）';
    case 'string':
      if (typeof value !== 'string' && typeof value !== 'number') return '应为文字';
      return String(value).length > maxLength ? `太长：最多 ${maxLength} 个字符` : null;
    case 'text':
      if (typeof value !== 'string') return '应为文字';
      return value.length > MAX_TEXT_LENGTH ? `太长：最多 ${MAX_TEXT_LENGTH} 个字符` : null;
    default:
      return null;
  }
}

/** Control characters in free text: pasted from another system, they break printing and exports. */
export function controlCharacterViolation(value: unknown): string | null {
  return typeof value === 'string' && CONTROL_CHARACTER.test(value) ? '不能包含控制字符' : null;
}

export interface InputCheck {
  collection: string;
  /** the field types of the collection (Directus `schema.collections[c].fields[f].type`) */
  fieldTypes: Record<string, string>;
  /** declared lengths of the collection's varchar columns, where known */
  maxLengths?: Record<string, number>;
  /** what the client sent */
  changes: Record<string, unknown>;
  /** the stored item for an update, null for a create */
  current: Record<string, unknown> | null;
  now: Date;
  /** Chinese field labels, for rules that name a second field */
  labels?: Record<string, string>;
}

const instant = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(String(value));
  return Number.isNaN(time) ? null : time;
};

/** Whether checking the write needs the stored item (an update touching one side of an ordered pair, or a numbering rule's target). */
export function needsStoredItem(collection: string, changes: Record<string, unknown>): boolean {
  if (collection === 'numbering_rules') return touchesNumberedPair(changes);
  return (EVENT_TIME_RULES[collection]?.order ?? []).some((pair) => pair.some((field) => field in changes));
}

/** The first rule the write breaks, or null. */
export function inputViolation({
  collection,
  fieldTypes,
  maxLengths = {},
  changes,
  current,
  now,
  labels = {},
}: InputCheck): InputViolation | null {
  const plainText = PLAIN_TEXT_COLLECTIONS.includes(collection);
  for (const [field, value] of Object.entries(changes)) {
    const type = fieldTypes[field];
    if (!type) continue;
    if (PERSONAL_FIELDS[collection]?.[field] && isMaskedValue(value))
      return { field, rule: '是打码显示的值（含 *），不能保存；如需修改，请填写完整号码' };
    const rule =
      typeViolation(type, value, maxLengths[field]) ??
      (plainText && (type === 'string' || type === 'text') ? controlCharacterViolation(value) : null);
    if (rule) return { field, rule };
  }
  if (collection === 'numbering_rules') return numberedPairViolation(changes, current);
  const rules = EVENT_TIME_RULES[collection];
  if (!rules) return null;
  for (const field of rules.past) {
    const time = field in changes ? instant(changes[field]) : null;
    if (time !== null && time > now.getTime() + FUTURE_TOLERANCE_MS) return { field, rule: '不能晚于当前时间（事件尚未发生）' };
  }
  const merged = { ...(current ?? {}), ...changes };
  for (const [earlier, later] of rules.order) {
    if (!(earlier in changes) && !(later in changes)) continue;
    const [a, b] = [instant(merged[earlier]), instant(merged[later])];
    if (a === null || b === null || b >= a) continue;
    const name = (field: string) => `“${labels[field] ?? field}”`;
    return later in changes ? { field: later, rule: `不能早于${name(earlier)}` } : { field: earlier, rule: `不能晚于${name(later)}` };
  }
  return null;
}
