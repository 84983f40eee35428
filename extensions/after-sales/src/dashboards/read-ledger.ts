import type { Accountability } from '@directus/types';
import { clockDefinitionsFor } from '../domain/case-clocks';
import type { LimitUnit } from '../domain/deadline-clock';
import { pageAcrossSegments, type LedgerQuery } from '../domain/ledger-query';
import { ledgerRow, type LedgerComplaint, type LedgerRow } from '../domain/ledger-row';
import { currentClockContext } from '../clocks/clock-context';
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
 * so through ItemsService with filters, not the system's plain `readRows`.
 */
async function readComplaintsPage(
  data: DataAccess,
  accountability: Accountability | null,
  query: LedgerQuery,
  offset: number,
  limit: number,
  counts: number[] | null,
) {
  const complaints = itemsServiceAs(data, 'complaints', accountability);
  const segmentCounts =
    counts ?? (await Promise.all(query.segments.map((segment) => countOf(complaints, both(query.filter, segment.filter)))));
  const items: LedgerComplaint[] = [];
  for (const slice of pageAcrossSegments(segmentCounts, offset, limit)) {
    const segment = query.segments[slice.segment]!;
    items.push(
      ...(await complaints.readByQuery({
        filter: both(query.filter, segment.filter),
        sort: segment.sort,
        fields: FIELDS,
        offset: slice.offset,
        limit: slice.limit,
      })),
    );
  }
  return { items, segmentCounts };
}

async function toRows(
  data: DataAccess,
  accountability: Accountability | null,
  items: LedgerComplaint[],
  now: Date,
  timeZone: string,
): Promise<LedgerRow[]> {
  const [{ rules, calendar }, urges] = await Promise.all([
    currentClockContext(data),
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
  const { items, segmentCounts } = await readComplaintsPage(data, accountability, query, (query.page - 1) * query.limit, query.limit, null);
  const total = segmentCounts.reduce((sum, count) => sum + count, 0);
  return { rows: await toRows(data, accountability, items, now, timeZone), total, page: query.page, limit: query.limit };
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
  let counts: number[] | null = null;
  for (let offset = 0; ; offset += EXPORT_CHUNK) {
    const read = await readComplaintsPage(data, accountability, query, offset, EXPORT_CHUNK, counts);
    counts = read.segmentCounts;
    rows.push(...(await toRows(data, accountability, read.items, now, timeZone)));
    if (read.items.length < EXPORT_CHUNK) return rows;
  }
}
