import { clocksOnCreate, clocksOnUpdate } from '../clocks/clocks-on-write';
import { recomputeOpenClocks } from '../clocks/recompute-open-clocks';
import { buildMonthlyStats } from '../complaints/build-monthly-stats';
import { previousPeriod } from '../domain/monthly-stats';
import { runScheduledSweep } from '../sweep/run-scheduled-sweep';
import { asKeys, asRow, type HookSetup } from './hook-context';

/** X-CLOCKS and the schedules: due/warning times on every save, recompute, sweep, monthly statistics. */
export function registerDeadlines({ on, context, timeZone }: HookSetup): void {
  const { services, database, getSchema, env, logger } = context;

  on.filter('items.create', async (payload, { collection }, event) => clocksOnCreate(asRow(payload), collection, { services, schema: event.schema, database: event.database, event }, new Date(), timeZone));
  on.filter('items.update', async (payload, { collection, keys }, event) => clocksOnUpdate(asRow(payload), asKeys(keys), collection, { services, schema: event.schema, database: event.database, event }, new Date(), timeZone));

  // A holiday or a rule changed (a rule parameter may set a clock's limit): open clocks move with it.
  const recompute = async () => {
    const moved = await recomputeOpenClocks({ services, database, schema: await getSchema() }, timeZone);
    if (moved > 0) logger.info(`[after-sales] calendar/rules changed: ${moved} open case deadline(s) recomputed`);
  };
  const ruleEvents = ['work_calendar.items.create', 'work_calendar.items.update', 'work_calendar.items.delete', 'deadline_rules.items.update', 'deadline_rules.items.create'];
  for (const event of [...ruleEvents, 'rule_parameters.items.update', 'rule_parameters.items.create', 'rule_parameters.items.delete']) {
    on.action(event, () => recompute().catch((error) => logger.error(error, '[after-sales] recomputing deadlines failed')));
  }

  // K-MONTHLY: last month's statistics are built on the 1st (and can be rebuilt on demand).
  on.schedule('30 1 1 * *', async () => {
    try {
      await buildMonthlyStats({ services, database, schema: await getSchema() }, previousPeriod(new Date(), timeZone), new Date(), timeZone);
    } catch (error) {
      logger.error(error, '[after-sales] monthly statistics failed');
    }
  });

  // The deadline scan, once per tick across all instances (see run-scheduled-sweep.ts).
  const sweepCron = String(env['AFTER_SALES_SWEEP_CRON'] ?? '*/5 * * * *');
  on.schedule(sweepCron, async () => {
    try {
      const result = await runScheduledSweep({ services, database, schema: await getSchema() }, new Date(), sweepCron, timeZone);
      if (result && result.urges + result.warnings + result.inquiries > 0) logger.info(`[after-sales] sweep: ${JSON.stringify(result)}`);
    } catch (error) {
      logger.error(error, '[after-sales] sweep failed');
    }
  });
}
