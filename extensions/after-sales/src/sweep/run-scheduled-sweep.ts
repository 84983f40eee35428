import { hostname } from 'node:os';
import { scheduleTick } from '../domain/schedule-tick';
import type { DataAccess } from '../shared/data-access';
import { issueOnce } from './issue-once';
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
  const tick = scheduleTick(now, cron).toISOString();
  const claimed = await issueOnce(data, { key: `sweep_run:${tick}`, kind: 'sweep_run', item: INSTANCE }, now, async () => {});
  return claimed ? runSweep(data, now, timeZone) : null;
}
