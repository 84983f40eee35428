/**
 * The tick a scheduled run belongs to: the run's start cut to the schedule's resolution (the
 * minute for a five-field cron, the second for a six-field one). Every instance that fires for
 * the same tick computes the same value, so one ledger key per tick lets exactly one of them run
 * it — with or without Redis, and across restarts.
 */
export function scheduleTick(startedAt: Date, cron: string): Date {
  const resolutionMs = cron.trim().split(/\s+/).length >= 6 ? 1000 : 60_000;
  return new Date(Math.floor(startedAt.getTime() / resolutionMs) * resolutionMs);
}

/** How long the ledger keeps the row of a scheduled run: a week of five-minute ticks is about 2,000 rows. */
export const SWEEP_RUN_RETENTION_DAYS = 7;

/** The ledger key that claims a tick. */
export const sweepRunKey = (tick: Date) => `sweep_run:${tick.toISOString()}`;

/**
 * Run rows created before this are forgotten: their ticks are long past and no instance will
 * claim them again. (Read through the (kind, created_at) index, domain/clock-indexes.ts.)
 */
export function sweepRunCutoff(now: Date): Date {
  return new Date(now.getTime() - SWEEP_RUN_RETENTION_DAYS * 86_400_000);
}
