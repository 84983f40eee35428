import { clocksOnCreate } from '../clocks/clocks-on-create';
import { clocksOnUpdate } from '../clocks/clocks-on-update';
import { recomputeAfterRuleChange, serveOwedRecomputes } from '../clocks/recompute-after-rule-change';
import { affectsClocks, requestRuleRecompute } from '../clocks/request-rule-recompute';
import { serveRuleRecomputes } from '../clocks/serve-rule-recomputes';
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
  // and the administrator who changed it is told how many open cases got new deadlines. The need is
  // recorded in the change's own transaction (the activity Directus writes there for every tracked
  // write) and served until done: now, at the next start, or on any instance's next tick.
  const deps = { services, database, getSchema, logger };
  const recompute = recomputeAfterRuleChange(deps, timeZone);
  on.filter('activity.create', async (payload, _meta, event) => {
    const activity = asRow(payload);
    const collection = String(activity['collection']);
    if (affectsClocks(collection) && ['create', 'update', 'delete'].includes(String(activity['action']))) {
      const data = filterContext(setup, event);
      const user = (activity['user'] as string | null) ?? null;
      await requestRuleRecompute(data, { user, collection, item: String(activity['item']) }, data.now);
    }
    return payload;
  });
  for (const action of ['create', 'update', 'delete']) {
    on.action(`items.${action}`, async ({ collection, key, keys }, event) => {
      if (!affectsClocks(String(collection))) return;
      // A write Directus tracks no activity for (no user, or tracking turned off for the table) asks now.
      if (!event.accountability || event.schema?.collections[String(collection)]?.accountability === null) {
        const data = await afterCommitContext(setup, event);
        const item = String(key ?? asKeys(keys ?? [])[0] ?? '');
        await requestRuleRecompute(
          data,
          { user: event.accountability?.user ?? null, collection: String(collection), item },
          data.now,
        ).catch((error) => logger.error(error, '[after-sales] recording a recompute failed'));
      }
      recompute();
    });
  }
  on.init('app.after', () => void serveOwedRecomputes(deps, timeZone, 'recompute owed from before the start'));

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
      // Deadlines a rule change owes are recomputed before the scan reads them.
      const served = await serveRuleRecomputes(data, timeZone);
      if (served.changes > 0) logger.info(`[after-sales] recompute owed by a rule change: ${served.moved} open case deadline(s)`);
      const result = await runScheduledSweep(data, data.now, sweepCron, timeZone);
      if (result && result.urges + result.warnings + result.inquiries > 0) logger.info(`[after-sales] sweep: ${JSON.stringify(result)}`);
    } catch (error) {
      logger.error(error, '[after-sales] sweep failed');
    }
  });
}
