import { clocksOnCreate } from '../clocks/clocks-on-create';
import { clocksOnUpdate } from '../clocks/clocks-on-update';
import { recomputeAfterRuleChange } from '../clocks/recompute-after-rule-change';
import { buildMonthlyStats } from '../complaints/build-monthly-stats';
import { catchUpMonthlyStats } from '../complaints/catch-up-monthly-stats';
import { previousPeriod } from '../domain/monthly-stats';
import { runScheduledSweep } from '../sweep/run-scheduled-sweep';
import { afterCommitContext, asKeys, asRow, filterContext, type HookSetup } from './hook-context';

/** X-CLOCKS and the schedules: due/warning times on every save, recompute, sweep, monthly statistics. */
export function registerDeadlines(setup: HookSetup): void {
  const { on, context, timeZone } = setup;
  const { services, database, getSchema, env, logger } = context;

  on.filter('items.create', async (payload, { collection }, event) =>
    clocksOnCreate(filterContext(setup, event), { collection, payload: asRow(payload) }),
  );
  on.filter('items.update', async (payload, { collection, keys }, event) =>
    clocksOnUpdate(filterContext(setup, event), { collection, keys: asKeys(keys), payload: asRow(payload) }),
  );

  // A holiday or a rule changed (a rule parameter may set a clock's limit): open clocks move with it,
  // and the administrator who changed it is told how many open cases got new deadlines.
  const recompute = recomputeAfterRuleChange({ services, database, getSchema, logger }, timeZone);
  const ruleEvents = [
    'work_calendar.items.create',
    'work_calendar.items.update',
    'work_calendar.items.delete',
    'deadline_rules.items.update',
    'deadline_rules.items.create',
  ];
  for (const event of [...ruleEvents, 'rule_parameters.items.update', 'rule_parameters.items.create', 'rule_parameters.items.delete']) {
    on.action(event, ({ collection, key, keys }, { accountability }) =>
      recompute({ user: accountability?.user ?? null, collection: String(collection), item: String(key ?? asKeys(keys ?? [])[0] ?? '') }),
    );
  }

  // K-MONTHLY: last month's statistics are built on the 1st (and can be rebuilt on demand); a console
  // that was off then builds them when it starts.
  on.init('app.after', () => {
    void (async () => {
      const data = await afterCommitContext(setup);
      const period = await catchUpMonthlyStats(data, data.now, timeZone);
      if (period) logger.info(`[after-sales] monthly statistics of ${period} built at start (the schedule was missed)`);
    })().catch((error) => logger.error(error, '[after-sales] catching up the monthly statistics failed'));
  });
  on.schedule('30 1 1 * *', async () => {
    try {
      const data = await afterCommitContext(setup);
      await buildMonthlyStats(data, previousPeriod(data.now, timeZone), data.now, timeZone);
    } catch (error) {
      logger.error(error, '[after-sales] monthly statistics failed');
    }
  });

  // The deadline scan, once per tick across all instances (see run-scheduled-sweep.ts).
  const sweepCron = String(env['AFTER_SALES_SWEEP_CRON'] ?? '*/5 * * * *');
  on.schedule(sweepCron, async () => {
    try {
      const data = await afterCommitContext(setup);
      const result = await runScheduledSweep(data, data.now, sweepCron, timeZone);
      if (result && result.urges + result.warnings + result.inquiries > 0) logger.info(`[after-sales] sweep: ${JSON.stringify(result)}`);
    } catch (error) {
      logger.error(error, '[after-sales] sweep failed');
    }
  });
}
