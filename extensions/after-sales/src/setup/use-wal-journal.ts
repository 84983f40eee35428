import type { Knex } from 'knex';

/**
 * SQLite in write-ahead-log mode: a crash (kill -9, power loss) never leaves a half-written
 * transaction, readers do not block the writer, and a backup can copy a consistent state while
 * the server runs. The mode is stored in the database file, so setting it once per start is enough;
 * Directus's own connection hook only turns on foreign keys. Returns the journal mode in effect.
 */
export async function useWalJournal(database: Knex): Promise<string | null> {
  if (database.client.config.client !== 'sqlite3') return null;
  const rows: { journal_mode: string }[] = await database.raw('PRAGMA journal_mode = WAL');
  return rows[0]?.journal_mode ?? null;
}
