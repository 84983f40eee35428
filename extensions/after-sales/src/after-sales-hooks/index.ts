import { defineHook } from '@directus/extensions-sdk';
import path from 'node:path';
import { claimsOnCreate, claimsOnUpdate } from '../claims/claims-on-write';
import { notifyMajorCase } from '../claims/notify-major-case';
import { clocksOnCreate, clocksOnUpdate } from '../clocks/clocks-on-write';
import { complaintOnCreate, complaintOnUpdate } from '../complaints/complaint-on-write';
import { buildMonthlyStats } from '../complaints/build-monthly-stats';
import { complaintFollowUp } from '../complaints/follow-up';
import { previousPeriod } from '../domain/monthly-stats';
import { recordStep } from '../complaints/record-step';
import { StepImmutableError } from '../errors/step-immutable-error';
import { LetterImmutableError } from '../errors/letter-immutable-error';
import { guardLetterUpdate } from '../letters/guard-issued-letters';
import { actorOf } from '../shared/actor';
import { recomputeOpenClocks } from '../clocks/recompute-open-clocks';
import { numberOnCreate } from '../numbering/number-on-create';
import { runSweep } from '../sweep/run-sweep';
import { runSetup } from '../setup/run-setup';
import { businessTimeZone } from '../shared/business-time-zone';
import { rejectForgedFields } from '../shared/reject-forged-fields';

export default defineHook(({ init, filter, action, schedule }, { services, database, getSchema, env, logger }) => {
  const timeZone = businessTimeZone(env);

  // `directus after-sales setup`: run by `npm start` (and the container) after `directus bootstrap`.
  init('cli.before', ({ program }) => {
    program
      .command('after-sales')
      .command('setup')
      .description('Apply the schema snapshot and the access/config seed (safe to repeat)')
      .option('--snapshots <path>', 'folder with schema.yaml, access.yaml, config.yaml, rules.yaml')
      .action(async (options: { snapshots?: string }) => {
        const snapshotsPath = path.resolve(options.snapshots ?? String(env['AFTER_SALES_SNAPSHOTS_PATH'] ?? 'snapshots'));
        try {
          await runSetup({ database, services, getSchema, env, logger, snapshotsPath, now: new Date() });
          await database.destroy();
          process.exit(0);
        } catch (error) {
          logger.error(error instanceof Error ? error : new Error(String(error)), '[after-sales] setup failed');
          await database.destroy();
          process.exit(1);
        }
      });
  });

  // Registered first: runs before every hook below that fills a server-set field.
  filter('items.create', async (payload, { collection }, { accountability, database: connection }) => {
    await rejectForgedFields(payload, collection, accountability, connection);
    return payload;
  });
  filter('items.update', async (payload, { collection }, { accountability, database: connection }) => {
    await rejectForgedFields(payload, collection, accountability, connection);
    return payload;
  });

  filter('items.create', async (payload, { collection }, { database: transaction }) =>
    numberOnCreate(payload as Record<string, unknown>, collection, transaction, new Date(), timeZone),
  );

  // Claims desk: lookup, eligibility, major cases, document gate, handover (C-*).
  filter('items.create', async (payload, { collection }, { database: transaction, schema }) =>
    claimsOnCreate({ services, schema, database: transaction }, collection, payload as Record<string, unknown>, new Date(), timeZone),
  );
  filter('items.update', async (payload, { collection, keys }, { database: connection, schema }) =>
    claimsOnUpdate({ services, schema, database: connection }, collection, keys as (string | number)[], payload as Record<string, unknown>, new Date(), timeZone),
  );
  const majorCase = (key: unknown) =>
    getSchema()
      .then((schema) => notifyMajorCase({ services, database, schema }, key as string, new Date(), timeZone))
      .catch((error) => logger.error(error, '[after-sales] major case notification failed'));
  action('claim_reports.items.create', ({ key }) => majorCase(key));
  action('claim_reports.items.update', ({ keys }) => {
    for (const key of keys as string[]) void majorCase(key);
  });

  // Complaint workflow: stage machine, approvals, numbering at registration (K-*).
  // Registered on the generic events so they run before the clocks below (Directus runs the
  // generic `items.*` handlers before the collection's own).
  filter('items.create', async (payload, { collection }, { database: transaction, schema, accountability }) =>
    collection !== 'complaints'
      ? payload
      : complaintOnCreate({ services, schema, database: transaction }, await actorOf(accountability, transaction), payload as Record<string, unknown>, new Date(), timeZone),
  );
  filter('items.update', async (payload, { collection, keys }, { database: connection, schema, accountability }) =>
    collection !== 'complaints'
      ? payload
      : complaintOnUpdate({ services, schema, database: connection }, await actorOf(accountability, connection), keys as (string | number)[], payload as Record<string, unknown>, new Date(), timeZone),
  );
  const afterComplaintWrite = async (keys: (string | number)[], payload: Record<string, unknown>, actorId: string | null) => {
    const data = { services, database, schema: await getSchema() };
    for (const key of keys) {
      if ('stage' in payload) await recordStep(data, key, actorId, payload['handling_opinion']);
      await complaintFollowUp(data, key, new Date());
    }
  };
  action('complaints.items.create', ({ key, payload }, { accountability }) =>
    afterComplaintWrite([key], { ...payload, stage: payload.stage ?? 'draft' }, accountability?.user ?? null).catch((error) => logger.error(error, '[after-sales] complaint follow-up failed')),
  );
  action('complaints.items.update', ({ keys, payload }, { accountability }) =>
    afterComplaintWrite(keys, payload, accountability?.user ?? null).catch((error) => logger.error(error, '[after-sales] complaint follow-up failed')),
  );
  // The step log is append-only for everyone (the system itself writes without accountability).
  for (const event of ['complaint_steps.items.update', 'complaint_steps.items.delete']) {
    filter(event, (payload, _meta, { accountability }) => {
      if (accountability) throw new StepImmutableError();
      return payload;
    });
  }

  // X-LETTER: issued letters stay as issued for everyone.
  filter('letters.items.update', (payload, _meta, { accountability }) => guardLetterUpdate(payload as Record<string, unknown>, accountability, new Date()));
  filter('letters.items.delete', (payload, _meta, { accountability }) => {
    if (accountability) throw new LetterImmutableError();
    return payload;
  });

  // Deadlines (after the hooks above, which decide what the clocks depend on): due and warning times (X-CLOCKS).
  filter('items.create', async (payload, { collection }, { database: transaction, schema }) =>
    clocksOnCreate(payload as Record<string, unknown>, collection, { services, schema, database: transaction }, new Date(), timeZone),
  );
  filter('items.update', async (payload, { collection, keys }, { database: connection, schema }) =>
    clocksOnUpdate(payload as Record<string, unknown>, keys as (string | number)[], collection, { services, schema, database: connection }, new Date(), timeZone),
  );

  // A holiday or a rule changed: open clocks move with it.
  const recompute = async () => {
    const moved = await recomputeOpenClocks({ services, database, schema: await getSchema() }, timeZone);
    if (moved > 0) logger.info(`[after-sales] calendar/rules changed: ${moved} open case deadline(s) recomputed`);
  };
  for (const event of ['work_calendar.items.create', 'work_calendar.items.update', 'work_calendar.items.delete', 'deadline_rules.items.update', 'deadline_rules.items.create']) {
    action(event, () => recompute().catch((error) => logger.error(error, '[after-sales] recomputing deadlines failed')));
  }

  // K-MONTHLY: last month's statistics are built on the 1st (and can be rebuilt on demand).
  schedule('30 1 1 * *', async () => {
    try {
      await buildMonthlyStats({ services, database, schema: await getSchema() }, previousPeriod(new Date(), timeZone), new Date(), timeZone);
    } catch (error) {
      logger.error(error, '[after-sales] monthly statistics failed');
    }
  });

  // The deadline scan; idempotent, so every instance may run it (SYNCHRONIZATION_STORE is not a lock).
  schedule(String(env['AFTER_SALES_SWEEP_CRON'] ?? '*/5 * * * *'), async () => {
    try {
      const result = await runSweep({ services, database, schema: await getSchema() }, new Date(), timeZone);
      if (result.urges + result.warnings + result.inquiries > 0) logger.info(`[after-sales] sweep: ${JSON.stringify(result)}`);
    } catch (error) {
      logger.error(error, '[after-sales] sweep failed');
    }
  });
});
