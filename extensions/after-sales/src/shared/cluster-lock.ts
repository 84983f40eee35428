import type { Knex } from 'knex';

/**
 * Runs `run` unless another instance on the same database runs work of the same `lockId` right now;
 * returns whether it ran. On PostgreSQL the lock is a session advisory lock on a connection taken
 * from the pool for the duration: PostgreSQL drops it when that connection closes, so an instance
 * killed mid-run (kill -9, a crash) never leaves it held. Other databases (SQLite: one instance per
 * file) have no such lock and always run; the caller keeps one run per process itself.
 */
export async function ifUnlocked(database: Knex, lockId: number, run: () => Promise<void>): Promise<boolean> {
  if (database.client.config.client !== 'pg') {
    await run();
    return true;
  }
  const connection = await database.client.acquireConnection();
  try {
    const locked = await database.raw('select pg_try_advisory_lock(?) as locked', [lockId]).connection(connection);
    if (!locked.rows[0]?.locked) return false;
    try {
      await run();
    } finally {
      await database.raw('select pg_advisory_unlock(?)', [lockId]).connection(connection);
    }
    return true;
  } finally {
    await database.client.releaseConnection(connection);
  }
}
