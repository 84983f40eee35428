import type { Knex } from 'knex';

/**
 * Directus services on a given connection or transaction, acting as the system (no accountability):
 * the console's own bookkeeping. Reads go through ItemsService, never raw SQL, because Directus
 * stores dates differently per database (SQLite keeps them as epoch milliseconds).
 */
export interface DataAccess {
  services: Record<string, any>;
  schema: unknown;
  database: Knex;
}

export function itemsService(data: DataAccess, collection: string) {
  return new data.services['ItemsService'](collection, { knex: data.database, schema: data.schema, accountability: null });
}

/** Options for the console's own bookkeeping writes: no hooks run, so nothing recomputes or loops. */
export const QUIET = { emitEvents: false } as const;

export async function readAll(data: DataAccess, collection: string, query: Record<string, unknown>): Promise<Record<string, any>[]> {
  return itemsService(data, collection).readByQuery({ limit: -1, ...query });
}
