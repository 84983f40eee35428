import type { Accountability } from '@directus/types';
import type { Department } from '../domain/departments';
import {
  approvalFilter,
  APPROVAL_WORK,
  compareEntries,
  CONFIRMATION_WORK,
  WORK_SOURCES,
  workEntry,
  type WorkEntry,
  type WorkSource,
} from '../domain/work-queue';
import type { ApprovalAuthority } from '../domain/approval-authority';
import type { FollowUpActor } from '../domain/follow-up-actor';
import { confirmableFilter } from '../domain/responsible-person';
import { currentClockContext } from '../clocks/clock-context';
import { itemsServiceAs, type DataAccess } from '../shared/data-access';
import { isForbidden } from '../shared/is-forbidden';

export interface WorkQueue {
  department: Department | null;
  generatedAt: string;
  entries: WorkEntry[];
  /** per kind of work: how many wait in all, how many are in `entries` */
  counts: Record<string, { total: number; shown: number }>;
}

/** Work that waits on a person, not a department: approvals by level, penalties their head confirms. */
export interface PersonalWork {
  levels: string[];
  authorities: ApprovalAuthority[];
  /** the caller as the rules of responsible persons see them (null: confirms nothing) */
  actor: FollowUpActor | null;
}

type Items = { readByQuery: (query: Record<string, unknown>) => Promise<Record<string, unknown>[]> };

/** Kinds of work read at the same time (each its page and its count side by side). */
const READS_SIDE_BY_SIDE = 3;

/** `fn` over `items`, at most `width` at a time; the results in the order of `items`. */
async function mapAtMost<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/**
 * At most `limit` items, soonest due first and work without a due time after it. Asked in two parts
 * because the databases disagree on where NULLs sort (first on SQLite, last on PostgreSQL), which
 * would decide what a bounded list shows.
 */
async function readSoonestFirst(items: Items, source: WorkSource, filter: Record<string, unknown>, limit: number) {
  const dueField = source.clocks.length ? source.sort[0] : undefined;
  if (!dueField) return items.readByQuery({ filter, fields: source.fields, sort: source.sort, limit });
  const dated = await items.readByQuery({
    filter: { _and: [filter, { [dueField]: { _nnull: true } }] },
    fields: source.fields,
    sort: source.sort,
    limit,
  });
  if (dated.length >= limit) return dated;
  const undated = await items.readByQuery({
    filter: { _and: [filter, { [dueField]: { _null: true } }] },
    fields: source.fields,
    sort: source.sort.slice(1),
    limit: limit - dated.length,
  });
  return [...dated, ...undated];
}

/**
 * The queue of `department` (null: every department) as the caller may see it: each kind of work is
 * read through ItemsService with the caller's accountability, so permissions decide what appears,
 * soonest due first and at most `limit` per kind; the rest is counted.
 */
export async function readWorkQueue(
  data: DataAccess,
  accountability: Accountability | null,
  department: Department | null,
  limit: number,
  now: Date,
  timeZone: string,
  personal: PersonalWork = { levels: [], authorities: [], actor: null },
): Promise<WorkQueue> {
  // Which department holds a clock is configuration every department reads: the rules cache (read as
  // the system) so a role without the rule tables in its permissions still gets its own queue.
  const { rules } = await currentClockContext(data);
  // The caller's own approvals and confirmations (a person's work, whatever the department asked for).
  const approvals = approvalFilter(personal.levels, personal.authorities);
  const confirmations = personal.actor ? confirmableFilter(personal.actor, department) : null;
  const sources: [WorkSource, Record<string, unknown> | null][] = [
    ...WORK_SOURCES.map((source): [WorkSource, Record<string, unknown> | null] => [source, source.filter(department, rules)]),
    [APPROVAL_WORK, approvals],
    [CONFIRMATION_WORK, confirmations],
  ];
  // The kinds of work are read a few side by side, not one after another: a dozen kinds of two or three
  // reads each made the page wait for some thirty round trips in a row (the 工作台 is every clerk's start
  // page); a few at a time leave the rest of the connection pool to other requests.
  const perSource = await mapAtMost(sources, READS_SIDE_BY_SIDE, async ([source, filter]) => {
    if (!filter) return null;
    const items = itemsServiceAs(data, source.collection, accountability);
    try {
      const [rows, [aggregate]] = await Promise.all([
        readSoonestFirst(items, source, filter, limit),
        items.readByQuery({ filter, aggregate: { count: ['*'] } }),
      ]);
      const found = rows.map((row) => workEntry(source, row, rules, now, timeZone));
      return { kind: source.kind, found, total: Number(aggregate?.count ?? found.length) };
    } catch (error) {
      // A collection the caller may not read holds no work they can see.
      if (!isForbidden(error)) throw error;
      return null;
    }
  });
  const entries: WorkEntry[] = [];
  const counts: WorkQueue['counts'] = {};
  for (const read of perSource) {
    if (!read) continue;
    entries.push(...read.found);
    counts[read.kind] = { total: read.total, shown: read.found.length };
  }
  return { department, generatedAt: now.toISOString(), entries: entries.sort(compareEntries), counts };
}
