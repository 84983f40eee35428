import { describe, expect, test } from 'vitest';
import { ledgerQuery } from './ledger-query';

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
