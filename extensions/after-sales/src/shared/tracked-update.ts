import type { Accountability, SchemaOverview } from '@directus/types';
import { castForWrite, itemsService, type DataAccess } from './data-access';

type Item = Record<string, any>;

/**
 * One item updated by plain statements and tracked the way Directus tracks an update made by a
 * user: the change cast by Directus's PayloadService (dates, JSON, the `user-updated` and
 * `date-updated` specials), one activity row (action, user, ip, user agent, origin) and one
 * revision whose `data` is the item after the change and whose `delta` is the change. For writes
 * of server-computed fields on an item already read in the same transaction (`after` is that row
 * with the change applied), where ItemsService would validate nothing new but read the whole item
 * back for the revision snapshot. Values a user typed go through ItemsService instead, so Directus
 * validates them. The data cache is the caller's to purge after commit (purgeItemCache).
 */
export async function updateTracked(
  data: DataAccess,
  accountability: Accountability | null,
  collection: string,
  id: string | number,
  changes: Item,
  after: Item,
): Promise<void> {
  const payloads = new data.services['PayloadService'](collection, { knex: data.database, schema: data.schema, accountability });
  const cast: Item = await payloads.processValues('update', { ...changes });
  if (Object.keys(cast).length) await data.database(collection).where({ id }).update(cast);
  const tracking = (data.schema as SchemaOverview).collections[collection]?.accountability;
  if (!accountability || tracking === null || tracking === undefined) return;
  const activity = await castForWrite(data, 'directus_activity', 'create', {
    action: 'update',
    user: accountability.user ?? null,
    collection,
    ip: accountability.ip ?? null,
    user_agent: accountability.userAgent ?? null,
    origin: accountability.origin ?? null,
    item: String(id),
  });
  const [inserted] = await data.database('directus_activity').insert(activity, ['id']);
  if (tracking !== 'all') return;
  const revision = await castForWrite(data, 'directus_revisions', 'create', {
    activity: typeof inserted === 'object' ? inserted.id : inserted,
    collection,
    item: String(id),
    data: await payloads.prepareDelta({ ...after, ...cast }),
    delta: await payloads.prepareDelta(cast),
  });
  await data.database('directus_revisions').insert(revision);
}

/** After commit: Directus's data cache (when enabled) forgets what it kept, as it does after its own writes. */
export async function purgeItemCache(data: DataAccess, collection: string): Promise<void> {
  const cache = itemsService(data, collection).cache;
  if (cache) await cache.clear();
}
