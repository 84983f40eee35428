import type { Accountability } from '@directus/types';
import { clockDefinitionsFor } from '../domain/case-clocks';
import type { LimitUnit } from '../domain/deadline-clock';
import type { LedgerQuery } from '../domain/ledger-query';
import { ledgerRow, type LedgerComplaint, type LedgerRow } from '../domain/ledger-row';
import { currentClockContext, type ClockContext } from '../clocks/clock-context';
import { itemsServiceAs, type DataAccess } from '../shared/data-access';
import { isForbidden } from '../shared/is-forbidden';

const FIELDS = [
  'id',
  'complaint_no',
  'registered_at',
  'customer_name',
  'demand',
  'stage',
  'holding_department',
  'due_at',
  'warn_at',
  'responsible_department',
  'closed_at',
];
const EXPORT_CHUNK = 1000;

type Filter = Record<string, unknown>;

const both = (a: Filter, b: Filter): Filter => (Object.keys(a).length === 0 ? b : Object.keys(b).length === 0 ? a : { _and: [a, b] });

async function countOf(service: any, filter: Filter): Promise<number> {
  const [result] = await service.readByQuery({ filter, aggregate: { count: ['*'] } });
  return Number(result?.count ?? 0);
}

/** Urge notices per complaint among those the caller may read; null for all when they may read none. */
async function urgeCounts(data: DataAccess, accountability: Accountability | null, ids: number[]): Promise<Map<string, number> | null> {
  if (ids.length === 0) return new Map();
  try {
    const grouped = await itemsServiceAs(data, 'urge_notices', accountability).readByQuery({
      filter: { _and: [{ collection: { _eq: 'complaints' } }, { item: { _in: ids.map(String) } }] },
      aggregate: { count: ['*'] },
      // The service's query calls it `group` (the REST parameter is groupBy).
      group: ['item'],
      limit: -1,
    });
    return new Map(grouped.map((group: any) => [String(group.item), Number(group.count)]));
  } catch (error) {
    if (isForbidden(error)) return null;
    throw error;
  }
}

export interface LedgerPage {
  rows: LedgerRow[];
  total: number;
  page: number;
  limit: number;
}

/**
 * Complaints and urge notices are read as the caller (what they may not read is not in the ledger),
 * so through ItemsService with filters, not the system's plain `readRows`. Segments are read in
 * order from `offset`; a segment is counted only when the page starts past its beginning (page 1
 * of a sort by time left is one read). `counts` keeps what was counted for the next call.
 */
async function readComplaintsPage(
  data: DataAccess,
  accountability: Accountability | null,
  query: LedgerQuery,
  offset: number,
  limit: number,
  counts: (number | undefined)[],
): Promise<LedgerComplaint[]> {
  const complaints = itemsServiceAs(data, 'complaints', accountability);
  const items: LedgerComplaint[] = [];
  let skip = offset;
  for (const [index, segment] of query.segments.entries()) {
    const wanted = limit - items.length;
    if (wanted <= 0) break;
    const filter = both(query.filter, segment.filter);
    if (skip > 0) {
      const count = (counts[index] ??= await countOf(complaints, filter));
      if (skip >= count) {
        skip -= count;
        continue;
      }
    }
    const read: LedgerComplaint[] = await complaints.readByQuery({
      filter,
      sort: segment.sort,
      fields: FIELDS,
      offset: skip,
      limit: wanted,
    });
    // A short read is the segment's end: its count is known without counting.
    if (read.length < wanted && (read.length > 0 || skip === 0)) counts[index] = skip + read.length;
    items.push(...read);
    skip = 0;
  }
  return items;
}

/**
 * How many complaints the ledger lists: those of the filter, less those no segment lists (the segments do not
 * overlap). Both counts are indexed where the filter is; a count of the segments' `_or` scanned every row.
 */
async function countAll(data: DataAccess, accountability: Accountability | null, query: LedgerQuery): Promise<number> {
  const complaints = itemsServiceAs(data, 'complaints', accountability);
  const [listed, unlisted] = await Promise.all([
    countOf(complaints, query.filter),
    query.unlisted ? countOf(complaints, both(query.filter, query.unlisted)) : 0,
  ]);
  return listed - unlisted;
}

async function toRows(
  data: DataAccess,
  accountability: Accountability | null,
  items: LedgerComplaint[],
  now: Date,
  timeZone: string,
  clocks?: ClockContext,
): Promise<LedgerRow[]> {
  const [{ rules, calendar }, urges] = await Promise.all([
    clocks ?? currentClockContext(data),
    urgeCounts(
      data,
      accountability,
      items.map((item) => item.id),
    ),
  ]);
  const closing = clockDefinitionsFor('complaints').find((definition) => definition.id === 'complaint_close')!;
  const unit: LimitUnit = closing.rule({}, rules)?.limit_unit ?? 'days';
  return items.map((complaint) =>
    ledgerRow({ complaint, unit, urgeCount: urges ? (urges.get(String(complaint.id)) ?? 0) : null, now, calendar, timeZone }),
  );
}

/** One page of the 客户抱怨案件登记追踪表, filtered and sorted in the database. */
export async function readLedger(
  data: DataAccess,
  accountability: Accountability | null,
  query: LedgerQuery,
  now: Date,
  timeZone: string,
): Promise<LedgerPage> {
  // The page, the total and the rules are asked for together (PostgreSQL answers at once; SQLite in turn).
  const [items, total, clocks] = await Promise.all([
    readComplaintsPage(data, accountability, query, (query.page - 1) * query.limit, query.limit, []),
    countAll(data, accountability, query),
    currentClockContext(data),
  ]);
  return { rows: await toRows(data, accountability, items, now, timeZone, clocks), total, page: query.page, limit: query.limit };
}

/** Every row the filters select, in the ledger's order: the CSV export of what the screen lists. */
export async function readWholeLedger(
  data: DataAccess,
  accountability: Accountability | null,
  query: LedgerQuery,
  now: Date,
  timeZone: string,
): Promise<LedgerRow[]> {
  const rows: LedgerRow[] = [];
  const counts: (number | undefined)[] = [];
  for (let offset = 0; ; offset += EXPORT_CHUNK) {
    const items = await readComplaintsPage(data, accountability, query, offset, EXPORT_CHUNK, counts);
    rows.push(...(await toRows(data, accountability, items, now, timeZone)));
    if (items.length < EXPORT_CHUNK) return rows;
  }
}
