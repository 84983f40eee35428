import type { Accountability, SchemaOverview } from '@directus/types';
import { recordForReader } from '../domain/personal-data';
import { HistoryNotReadableError } from '../errors/history-not-readable-error';
import { HistoryRequestError } from '../errors/history-request-error';
import { itemsService, itemsServiceAs, QUIET, type DataAccess } from '../shared/data-access';
import { isForbidden } from '../shared/is-forbidden';

export interface HistoryEntry {
  id: number;
  action: string | null;
  timestamp: string | null;
  user: { id: string; first_name: string | null; last_name: string | null } | null;
  /** the item as saved by this change, as the caller may see it */
  data: Record<string, unknown> | null;
  /** what this change wrote, as the caller may see it */
  delta: Record<string, unknown> | null;
}

/**
 * The history of one case under the case's own read rules: the caller reads it only when the
 * caller may read the case itself (ItemsService with the caller's accountability: item filters,
 * department, stage), and each revision shows only the fields the caller may read, a withheld ID
 * number or phone as its masked copy. directus_revisions cannot express "the item is readable"
 * (its `item` is a string key), so departments read it directly only for collections they read
 * entirely (domain/access-matrix.ts readsHistoryOf); everything else comes through here.
 */
export async function readCaseHistory(
  data: DataAccess,
  accountability: Accountability | null,
  collection: string,
  key: string,
): Promise<HistoryEntry[]> {
  const schema = data.schema as SchemaOverview;
  const info = collection.startsWith('directus_') ? undefined : schema.collections[collection];
  if (!info) throw new HistoryRequestError({ reason: `没有名为 “${collection}” 的案件类型，不能查看修改记录。` });
  const keyType = info.fields[info.primary]?.type;
  if ((keyType === 'integer' || keyType === 'bigInteger') && !/^\d{1,15}$/.test(key))
    throw new HistoryRequestError({ reason: `“${key}” 不是有效的记录编号。` });

  let item: Record<string, unknown>;
  try {
    item = await itemsServiceAs(data, collection, accountability).readOne(key, { fields: ['*'] });
  } catch (error) {
    if (isForbidden(error)) throw new HistoryNotReadableError();
    throw error;
  }
  // `*` with the caller's permissions answers exactly the fields the caller may read.
  const readable = new Set(Object.keys(item));

  // Read as the system on purpose: the caller's right to this history was decided above, on the case itself.
  const revisions: Record<string, any>[] = await itemsService(data, 'directus_revisions').readByQuery(
    {
      filter: { collection: { _eq: collection }, item: { _eq: String(key) } },
      fields: [
        'id',
        'data',
        'delta',
        'activity.action',
        'activity.timestamp',
        'activity.user.id',
        'activity.user.first_name',
        'activity.user.last_name',
      ],
      sort: ['id'],
      limit: -1,
    },
    QUIET,
  );
  const visible = (record: unknown) =>
    record && typeof record === 'object' ? recordForReader(collection, record as Record<string, unknown>, readable) : null;
  return revisions.map((revision) => ({
    id: revision['id'],
    action: revision['activity']?.['action'] ?? null,
    timestamp: revision['activity']?.['timestamp'] ?? null,
    user: revision['activity']?.['user'] ?? null,
    data: visible(revision['data']),
    delta: visible(revision['delta']),
  }));
}
