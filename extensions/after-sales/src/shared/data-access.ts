import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { memoFor } from './event-memo';

/**
 * Directus services on a given connection or transaction, acting as the system (no accountability):
 * the console's own bookkeeping. Directus stores values differently per database (SQLite keeps
 * dates as epoch milliseconds, booleans as 0/1, JSON as text) and casts them on the way in and out,
 * so every value the console reads or writes passes through Directus's own casting: ItemsService,
 * or, for the reads and step writes on every case write, a plain statement whose rows go through
 * Directus's PayloadService (readRows, castForWrite). Plain statements without casting only where
 * the columns need none or are read with `new Date()` (the claim review's duplicate check and
 * thresholds, the number counter).
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

/**
 * Directus services acting as the caller: the caller's permissions decide what they read and write
 * (an endpoint reading for a user; a transaction's knex as `data.database` writes inside it).
 */
export function itemsServiceAs(data: DataAccess, collection: string, accountability: Accountability | null) {
  return new data.services['ItemsService'](collection, { knex: data.database, schema: data.schema, accountability });
}

/** Options for the console's own bookkeeping writes: no hooks run, so nothing recomputes or loops. */
export const QUIET = { emitEvents: false } as const;

/** The system's own read: no read events (nothing to mask or log for the console's bookkeeping). */
export async function readAll(data: DataAccess, collection: string, query: Record<string, unknown>): Promise<Record<string, any>[]> {
  return itemsService(data, collection).readByQuery({ limit: -1, ...query }, QUIET);
}

/**
 * Rows as ItemsService would return them, read with one plain statement: the same values, cast by
 * Directus's PayloadService, without what makes an ItemsService read cost milliseconds of CPU on
 * every write (validating the query, building its tree, compiling one qualified column per field).
 * For the console's own reads of known stored fields (no aliases, no relational paths) by key or
 * plain conditions; `where` shapes the statement, rows come in `orderBy` order (Directus's default
 * is the primary key).
 */
export async function readRows(
  data: DataAccess,
  collection: string,
  fields: string[],
  where: (query: Knex.QueryBuilder) => unknown = () => undefined,
  orderBy: string | { column: string; order: 'asc' | 'desc' } = 'id',
): Promise<Record<string, any>[]> {
  const query = data
    .database(collection)
    .select(fields)
    .orderBy([typeof orderBy === 'string' ? { column: orderBy, order: 'asc' } : orderBy]);
  where(query);
  return castRows(data, collection, await query);
}

/** One table's side of a joined row whose columns were selected as `<prefix><field>`. */
export function joinedSide(row: Record<string, any>, prefix: string, fields: string[]): Record<string, any> {
  return Object.fromEntries(fields.map((field) => [field, row[`${prefix}${field}`]]));
}

/** Rows of `collection`'s stored fields read with a plain statement (a join's side, say), cast as ItemsService returns them. */
export async function castRows(data: DataAccess, collection: string, rows: Record<string, any>[]): Promise<Record<string, any>[]> {
  if (rows.length === 0) return [];
  return payloads(data, collection).processValues('read', rows);
}

/** One row to write with a plain statement, cast the way ItemsService casts it (dates, JSON). */
export async function castForWrite(
  data: DataAccess,
  collection: string,
  action: 'create' | 'update',
  row: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return payloads(data, collection).processValues(action, { ...row });
}

/** Many rows to write with one statement, cast together by one PayloadService (castForWrite for a batch). */
export async function castRowsForWrite(
  data: DataAccess,
  collection: string,
  action: 'create' | 'update',
  rows: Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  return payloads(data, collection).processValues(
    action,
    rows.map((row) => ({ ...row })),
  );
}

function payloads(data: DataAccess, collection: string) {
  return new data.services['PayloadService'](collection, { knex: data.database, schema: data.schema, accountability: null });
}

/** The collection's stored fields: every field but aliases (an o2m alias would cost a query per read). */
export function storedFields(schema: unknown, collection: string): string[] {
  const fields = (schema as SchemaOverview).collections[collection]?.fields ?? {};
  return Object.values(fields)
    .filter((field) => field.type !== 'alias')
    .map((field) => field.field);
}

/**
 * The cases an update is about, as stored before it (every stored field, no aliases). Read once per
 * event: the guard, the workflow and the clocks of one update all get the same rows. `forUpdate`
 * locks them for the rest of the caller's transaction.
 */
export function readStored(
  data: DataAccess,
  collection: string,
  keys: (string | number)[],
  { forUpdate = false } = {},
): Promise<Record<string, any>[]> {
  return memoFor(data.event, `stored:${collection}:${keys.join(',')}`, () =>
    readRows(data, collection, storedFields(data.schema, collection), (query) => {
      query.whereIn('id', keys);
      // Locked until the caller's transaction ends (PostgreSQL; SQLite has one writer anyway).
      if (forUpdate && data.database.client.config.client === 'pg') query.forUpdate();
    }),
  );
}
