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
