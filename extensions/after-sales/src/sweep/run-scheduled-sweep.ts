import { hostname } from 'node:os';
import { scheduleTick, sweepRunCutoff, sweepRunKey } from '../domain/schedule-tick';
import { itemsService, QUIET, type DataAccess } from '../shared/data-access';
import { issueOnce } from '../notices/issue-once';
import { runSweep, type SweepResult } from './run-sweep';

/** Which process ran a tick, for the ledger (several instances may share one database). */
const INSTANCE = `${hostname()}:${process.pid}`.slice(0, 64);

/**
 * A scheduled tick of the deadline scan, run by one instance only. With SYNCHRONIZATION_STORE=redis
 * Directus already fires each tick on one instance; the ledger row `sweep_run:<tick>` makes that
 * hold without Redis and across restarts too (a second claim of the same tick writes nothing).
 * Returns null when another instance has the tick.
 */
export async function runScheduledSweep(data: DataAccess, now: Date, cron: string, timeZone: string): Promise<SweepResult | null> {
  const claimed = await issueOnce(
    data,
    { key: sweepRunKey(scheduleTick(now, cron)), kind: 'sweep_run', item: INSTANCE },
    now,
    async () => {},
  );
  if (!claimed) return null;
  const result = await runSweep(data, now, timeZone);
  await forgetOldSweepRuns(data, now);
  return result;
}

/** Deletes the run rows older than the retention (domain/schedule-tick.ts); returns how many. */
export async function forgetOldSweepRuns(data: DataAccess, now: Date): Promise<number> {
  const filter = { _and: [{ kind: { _eq: 'sweep_run' } }, { created_at: { _lt: sweepRunCutoff(now).toISOString() } }] };
  const deleted = await itemsService(data, 'deadline_events').deleteByQuery({ filter }, QUIET);
  return deleted.length;
}
