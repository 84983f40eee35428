import { sqliteSynchronousOf, useSqliteSynchronous } from '../shared/sqlite-synchronous';
import type { HookSetup } from './hook-context';

/** The server's SQLite connections commit with AFTER_SALES_SQLITE_SYNCHRONOUS (see shared/sqlite-synchronous.ts). */
export function registerDatabaseTuning({ on, context }: HookSetup): void {
  const { database, env, logger } = context;
  on.init('app.before', async () => {
    const mode = await useSqliteSynchronous(database, sqliteSynchronousOf(env));
    if (mode) logger.info(`[after-sales] SQLite synchronous: ${mode}`);
  });
}
