import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { memoFor } from './event-memo';

/**
 * Directus services on a given connection or transaction, acting as the system (no accountability):
 * the console's own bookkeeping. Reads go through ItemsService, because Directus stores dates
 * differently per database (SQLite keeps them as epoch milliseconds) and casts them on the way out.
 * Plain statements only for small reads on every write whose columns need no casting, or are read
 * with `new Date()` (the claim review's duplicate check and thresholds, the number counter).
 */
export interface DataAccess {
  services: Record<string, any>;
  schema: unknown;
  database: Knex;
  /** the Directus event this access serves (its context object): reads of the stored case are shared through it */
  event?: object;
}

export function itemsService(data: DataAccess, collection: string) {
  return new data.services['ItemsService'](collection, { knex: data.database, schema: data.schema, accountability: null });
}

/** Options for the console's own bookkeeping writes: no hooks run, so nothing recomputes or loops. */
export const QUIET = { emitEvents: false } as const;

/** The system's own read: no read events (nothing to mask or log for the console's bookkeeping). */
export async function readAll(data: DataAccess, collection: string, query: Record<string, unknown>): Promise<Record<string, any>[]> {
  return itemsService(data, collection).readByQuery({ limit: -1, ...query }, QUIET);
}

/** The collection's stored fields: every field but aliases (an o2m alias would cost a query per read). */
export function storedFields(schema: unknown, collection: string): string[] {
  const fields = (schema as SchemaOverview).collections[collection]?.fields ?? {};
  return Object.values(fields).filter((field) => field.type !== 'alias').map((field) => field.field);
}

/**
 * The cases an update is about, as stored before it (every stored field, no aliases). Read once per
 * event: the guard, the workflow and the clocks of one update all get the same rows.
 */
export function readStored(data: DataAccess, collection: string, keys: (string | number)[]): Promise<Record<string, any>[]> {
  return memoFor(data.event, `stored:${collection}:${keys.join(',')}`, () => readAll(data, collection, { filter: { id: { _in: keys } }, fields: storedFields(data.schema, collection) }));
}
