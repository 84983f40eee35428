import { CLOCK_DEFINITIONS, runningClockFilter } from './case-clocks';
import { LABELS } from './choice-labels';
import { DEPARTMENT_ROLES } from './departments';
import { periodBounds } from './monthly-stats';

/**
 * The ledger's query string → Directus filters and sorts that run in the database, so a page of
 * 100,000 complaints costs an indexed count and a 25-row read, never a scan in JavaScript.
 */

type Filter = Record<string, unknown>;

export const LEDGER_SORTS = ['complaint_no', 'registered_at', 'customer_name', 'time_left', 'closed_at'] as const;
export const LEDGER_MAX_LIMIT = 200;

/** A slice of the complaints read with one sort; several segments are read one after the other. */
export interface LedgerSegment {
  filter: Filter;
  sort: string[];
}

export interface LedgerQuery {
  filter: Filter;
  segments: LedgerSegment[];
  /** Complaints of `filter` that no segment lists (several segments): the total is the filter's count less theirs. */
  unlisted?: Filter;
  page: number;
  limit: number;
}

export type LedgerQueryResult = { query: LedgerQuery } | { invalid: { field: string; rule: string } };

const complaintClose = CLOCK_DEFINITIONS.find((definition) => definition.id === 'complaint_close')!;
/** Complaints whose 13-day clock runs: registered, not closed. */
export const RUNNING: Filter[] = runningClockFilter(complaintClose);
const FINISHED: Filter = { _or: [{ closed_at: { _nnull: true } }, { stage: { _eq: 'closed' } }] };

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : Array.isArray(value) ? String(value[0] ?? '').trim() : '');

/**
 * Sorting by time left is sorting running clocks by due time; complaints without a running clock
 * (not yet registered, or closed) have no time left and follow, in that order, whatever the direction.
 */
function timeLeftSegments(descending: boolean): LedgerSegment[] {
  const direction = descending ? '-' : '';
  return [
    { filter: { _and: [{ due_at: { _nnull: true } }, ...RUNNING] }, sort: [`${direction}due_at`, `${direction}id`] },
    { filter: { _and: [{ due_at: { _null: true } }, ...RUNNING] }, sort: ['-date_created', '-id'] },
    { filter: FINISHED, sort: ['-closed_at', '-id'] },
  ];
}

/**
 * What the time-left segments leave out: no stage and no closing time (`stage != 'closed'` is not true of
 * an empty stage). Counting the filter less these is an indexed count; the segments' `_or` was a scan.
 */
const TIME_LEFT_UNLISTED: Filter = { _and: [{ stage: { _null: true } }, { closed_at: { _null: true } }] };

export function ledgerQuery(params: Record<string, unknown>, now: Date, timeZone: string): LedgerQueryResult {
  const conditions: Filter[] = [];
  const invalid = (field: string, rule: string): LedgerQueryResult => ({ invalid: { field, rule } });

  const month = text(params['month']);
  if (month) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return invalid('month', '登记月份应为 YYYY-MM 格式，例如 2026-11');
    const { start, end } = periodBounds(month, timeZone);
    conditions.push({ registered_at: { _gte: start.toISOString() } }, { registered_at: { _lt: end.toISOString() } });
  }
  const stage = text(params['stage']);
  if (stage) {
    if (!LABELS['stage']?.[stage]) return invalid('stage', `处理阶段应为以下之一：${Object.keys(LABELS['stage'] ?? {}).join('、')}`);
    conditions.push({ stage: { _eq: stage } });
  }
  for (const field of ['department', 'responsible'] as const) {
    const department = text(params[field]);
    if (!department) continue;
    if (!(department in DEPARTMENT_ROLES)) return invalid(field, `部门应为以下之一：${Object.keys(DEPARTMENT_ROLES).join('、')}`);
    conditions.push({ [field === 'department' ? 'holding_department' : 'responsible_department']: { _eq: department } });
  }
  const customer = text(params['customer']);
  if (customer.length > 64) return invalid('customer', '客户姓名最多 64 个字');
  if (customer) conditions.push({ customer_name: { _icontains: customer } });
  const overdue = text(params['overdue']);
  if (!['', 'true', 'false', '1', '0'].includes(overdue)) return invalid('overdue', '仅看逾期应为 true 或 false');
  if (overdue === 'true' || overdue === '1') conditions.push({ due_at: { _lt: now.toISOString() } }, ...RUNNING);

  const sort = text(params['sort']) || '-registered_at';
  const sortField = sort.replace(/^-/, '');
  if (!(LEDGER_SORTS as readonly string[]).includes(sortField))
    return invalid('sort', `排序应为以下之一（可加 - 表示倒序）：${LEDGER_SORTS.join('、')}`);
  const descending = sort.startsWith('-');

  const page = text(params['page']) ? Number(text(params['page'])) : 1;
  if (!Number.isInteger(page) || page < 1) return invalid('page', '页码应为不小于 1 的整数');
  const limit = text(params['limit']) ? Number(text(params['limit'])) : 25;
  if (!Number.isInteger(limit) || limit < 1 || limit > LEDGER_MAX_LIMIT)
    return invalid('limit', `每页条数应为 1–${LEDGER_MAX_LIMIT} 的整数`);

  const filter = conditions.length ? { _and: conditions } : {};
  if (sortField === 'time_left')
    return { query: { filter, segments: timeLeftSegments(descending), unlisted: TIME_LEFT_UNLISTED, page, limit } };
  return { query: { filter, segments: [{ filter: {}, sort: [sort, descending ? '-id' : 'id'] }], page, limit } };
}
