import { previousPeriod, scheduledBuildAt } from '../domain/monthly-stats';
import type { DataAccess } from '../shared/data-access';
import { buildMonthlyStats } from './build-monthly-stats';

/**
 * K-MONTHLY: the schedule builds last month's statistics at 01:30 on the 1st, but only on a console that
 * runs then. At start, a month whose table is missing is built when the console was in use before that
 * moment (Directus logged activity before it): the schedule was missed. A fresh installation owes nothing.
 * Returns the period built, or null.
 */
export async function catchUpMonthlyStats(data: DataAccess, now: Date, timeZone: string): Promise<string | null> {
  const scheduledAt = scheduledBuildAt(now, timeZone);
  if (now < scheduledAt) return null;
  const period = previousPeriod(now, timeZone);
  const [built] = await data.database('complaint_monthly_stats').where({ period }).select('id');
  if (built) return null;
  // SQLite keeps Directus's timestamps as epoch milliseconds, PostgreSQL as timestamps.
  const before = data.database.client.config.client === 'pg' ? scheduledAt : scheduledAt.getTime();
  const [inUse] = await data.database('directus_activity').where('timestamp', '<', before).select('id').limit(1);
  if (!inUse) return null;
  await buildMonthlyStats(data, period, now, timeZone);
  return period;
}
