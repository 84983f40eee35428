import type { Knex } from 'knex';

export const SQLITE_SYNCHRONOUS_MODES = ['normal', 'full'] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS_MODES)[number];

/** AFTER_SALES_SQLITE_SYNCHRONOUS: `normal` unless set to `full` (scripts/lib/env.mjs refuses other values). */
export function sqliteSynchronousOf(env: Record<string, unknown>): SqliteSynchronous {
  const value = String(env['AFTER_SALES_SQLITE_SYNCHRONOUS'] ?? '').toLowerCase();
  return value === 'full' ? 'full' : 'normal';
}

type Connection = { run: (sql: string, callback?: (error: Error | null) => void) => void };

/**
 * How hard SQLite waits for the disk on each commit. The database runs in WAL mode (see
 * setup/use-wal-journal.ts), where `normal` syncs the log at checkpoints instead of at every
 * commit: a killed or crashed server loses nothing that was committed, and the file is never
 * corrupted; a power cut or an operating-system crash can undo the last commits before the
 * cut (the database stays consistent: a case and its number go together). `full` syncs every
 * commit and survives power cuts too, at about a third less write throughput. The setting is per
 * connection, so it is applied to the pool's open connection now and to every one it opens later.
 * Returns the mode applied, or null on another database.
 */
export async function useSqliteSynchronous(database: Knex, mode: SqliteSynchronous): Promise<SqliteSynchronous | null> {
  if (database.client.config.client !== 'sqlite3') return null;
  const pragma = `PRAGMA synchronous = ${mode === 'full' ? 'FULL' : 'NORMAL'}`;
  const pool = (database.client as { pool?: { on: (event: string, listener: (id: number, connection: Connection) => void) => void } }).pool;
  pool?.on('createSuccess', (_id, connection) => connection.run(pragma));
  await database.raw(pragma);
  return mode;
}
