import { describe, expect, test } from 'vitest';
import { ledgerQuery } from './ledger-query';

type Row = Record<string, unknown>;
/** The operators the ledger's segments use, as SQL reads them: a comparison with an empty value is not true. */
function matches(filter: Row, row: Row): boolean {
  return Object.entries(filter).every(([key, condition]) => {
    if (key === '_and') return (condition as Row[]).every((part) => matches(part, row));
    if (key === '_or') return (condition as Row[]).some((part) => matches(part, row));
    const value = row[key] ?? null;
    return Object.entries(condition as Row).every(([op, expected]) => {
      if (op === '_null') return value === null;
      if (op === '_nnull') return value !== null;
      if (op === '_eq') return value !== null && value === expected;
      if (op === '_neq') return value !== null && value !== expected;
      throw new Error(`operator ${op} not evaluated here`);
    });
  });
}

const now = new Date('2026-11-20T02:00:00.000Z');
const TZ = 'Asia/Shanghai';

describe('ledgerQuery', () => {
  test('filters become database conditions; a month is its business-time-zone bounds', () => {
    const result = ledgerQuery({ month: '2026-11', stage: 'investigating', department: 'operations', overdue: 'true' }, now, TZ);
    expect(result).toEqual({
      query: {
        filter: {
          _and: [
            { registered_at: { _gte: '2026-10-31T16:00:00.000Z' } },
            { registered_at: { _lt: '2026-11-30T16:00:00.000Z' } },
            { stage: { _eq: 'investigating' } },
            { holding_department: { _eq: 'operations' } },
            { due_at: { _lt: now.toISOString() } },
            { closed_at: { _null: true } },
            { stage: { _neq: 'closed' } },
          ],
        },
        segments: [{ filter: {}, sort: ['-registered_at', '-id'] }],
        page: 1,
        limit: 25,
      },
    });
  });

  test('sorting by time left reads running clocks by due time, then unregistered, then closed complaints', () => {
    const result = ledgerQuery({ sort: 'time_left', page: '3', limit: '10' }, now, TZ);
    if (!('query' in result)) throw new Error('expected a query');
    expect(result.query.segments.map((segment) => segment.sort)).toEqual([
      ['due_at', 'id'],
      ['-date_created', '-id'],
      ['-closed_at', '-id'],
    ]);
    expect(result.query.segments[0]!.filter).toEqual({
      _and: [{ due_at: { _nnull: true } }, { closed_at: { _null: true } }, { stage: { _neq: 'closed' } }],
    });
    expect(result.query).toMatchObject({ page: 3, limit: 10, filter: {} });
  });

  test('by time left, every complaint is in one segment or among the unlisted, which the total leaves out', () => {
    const result = ledgerQuery({ sort: '-time_left' }, now, TZ);
    if (!('query' in result)) throw new Error('expected a query');
    const { segments, unlisted } = result.query;
    for (const stage of [null, 'draft', 'registered', 'negotiating', 'closed'])
      for (const closed_at of [null, '2026-11-01T00:00:00.000Z'])
        for (const due_at of [null, '2026-11-30T00:00:00.000Z']) {
          const row = { stage, closed_at, due_at };
          const places = [...segments.map((segment) => matches(segment.filter, row)), matches(unlisted!, row)];
          expect(places.filter(Boolean), JSON.stringify(row)).toHaveLength(1);
        }
  });

  test.each([
    [{ month: '2026-13' }, 'month'],
    [{ stage: 'lost' }, 'stage'],
    [{ department: 'finance' }, 'department'],
    [{ responsible: 'x' }, 'responsible'],
    [{ overdue: 'yes' }, 'overdue'],
    [{ sort: 'demand' }, 'sort'],
    [{ page: '0' }, 'page'],
    [{ limit: '1000' }, 'limit'],
  ])('%j is refused naming %s', (params, field) => {
    const result = ledgerQuery(params, now, TZ);
    expect(result).toMatchObject({ invalid: { field } });
  });
});
