import { ruleRevision, type RevisionAction, type RevisionSource } from '../domain/rule-revision';
import { castForWrite, readRows, storedFields, type DataAccess } from '../shared/data-access';

type Row = Record<string, unknown>;

/**
 * Rows of rule tables as they were just before a write, by `collection:key`. Directus runs the
 * update and delete filters before it opens the write's transaction and writes the activity inside
 * it, after the change: the filter reads the row as it stands, the activity hook takes it from here
 * in the transaction. Kept a minute at most (a write refused after its filter leaves its row behind).
 */
const earlier = new Map<string, { row: Row; at: number }>();
const EARLIER_MAX_AGE_MS = 60_000;

export function rememberEarlierRows(collection: string, rows: Row[], now = Date.now()): void {
  for (const [key, entry] of earlier) if (now - entry.at > EARLIER_MAX_AGE_MS) earlier.delete(key);
  for (const row of rows) earlier.set(`${collection}:${String(row['id'])}`, { row, at: now });
}

function takeEarlierRow(collection: string, item: string, now: number): Row | null {
  const key = `${collection}:${item}`;
  const entry = earlier.get(key);
  earlier.delete(key);
  return entry && now - entry.at <= EARLIER_MAX_AGE_MS ? entry.row : null;
}

/** Reads the rows an update or delete is about to change, and remembers them for the revision entry. */
export async function readEarlierRows(data: DataAccess, collection: string, keys: (string | number)[]): Promise<void> {
  if (keys.length === 0) return;
  const rows = await readRows(data, collection, storedFields(data.schema, collection), (query) => query.whereIn('id', keys));
  rememberEarlierRows(collection, rows);
}

export interface TrackedWrite {
  collection: string;
  item: string | number;
  action: string;
  user: string | null;
  /** a person's change unless said (an upgrade's own change: `upgrade`) */
  source?: RevisionSource;
}

/**
 * One entry of 规则修订记录 for one tracked write of a rule table, written with `data.database`,
 * the write's own transaction: the entry and the change commit or roll back together. The earlier
 * state comes from the filter's read or, failing that (a write that ran no hooks), from the last
 * entry of the same row.
 */
export async function recordRuleRevision(data: DataAccess, write: TrackedWrite, now: Date): Promise<void> {
  if (write.action !== 'create' && write.action !== 'update' && write.action !== 'delete') return;
  const action: RevisionAction = write.action;
  const item = String(write.item);
  let before: Row | null = null;
  if (action !== 'create') {
    before = takeEarlierRow(write.collection, item, now.getTime());
    if (!before) {
      const [last] = await readRows(
        data,
        'rule_revisions',
        ['after'],
        (query) => query.where({ rule_collection: write.collection, item }).whereNotNull('after').limit(1),
        {
          column: 'id',
          order: 'desc',
        },
      );
      before = (last?.['after'] as Row | undefined) ?? null;
    }
  }
  const after =
    action === 'delete'
      ? null
      : ((await readRows(data, write.collection, storedFields(data.schema, write.collection), (query) => query.where('id', item)))[0] ??
        null);
  const revision = ruleRevision({ collection: write.collection, item, action, before, after, user: write.user, now, source: write.source });
  if (!revision) return;
  await data.database('rule_revisions').insert(await castForWrite(data, 'rule_revisions', 'create', { ...revision }));
}
