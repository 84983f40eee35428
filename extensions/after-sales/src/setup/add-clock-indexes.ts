import type { Knex } from 'knex';
import { CLOCK_INDEXES } from '../domain/clock-indexes';

async function indexExists(database: Knex, name: string): Promise<boolean> {
  const client = database.client.config.client;
  if (client === 'sqlite3') return (await database('sqlite_master').where({ type: 'index', name }).first('name')) !== undefined;
  const { rows } = await database.raw('select 1 from pg_indexes where schemaname = current_schema() and indexname = ?', [name]);
  return rows.length > 0;
}

/**
 * Adds the deadline scans' two-column indexes (domain/clock-indexes.ts) that are missing. SQLite
 * and PostgreSQL; on other databases nothing is added. Returns the names added.
 */
export async function addClockIndexes(database: Knex): Promise<string[]> {
  if (!['sqlite3', 'pg'].includes(String(database.client.config.client))) return [];
  const added: string[] = [];
  for (const { name, table, columns } of CLOCK_INDEXES) {
    if (await indexExists(database, name)) continue;
    await database.raw('create index if not exists ?? on ?? (??, ??)', [name, table, ...columns]);
    added.push(name);
  }
  return added;
}
