import { defineHook } from '@directus/extensions-sdk';
import path from 'node:path';
import { numberOnCreate } from '../numbering/number-on-create';
import { runSetup } from '../setup/run-setup';
import { businessTimeZone } from '../shared/business-time-zone';
import { rejectForgedFields } from '../shared/reject-forged-fields';

export default defineHook(({ init, filter }, { services, database, getSchema, env, logger }) => {
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
  filter('items.create', (payload, { collection }, { accountability }) => {
    rejectForgedFields(payload, collection, accountability);
    return payload;
  });
  filter('items.update', (payload, { collection }, { accountability }) => {
    rejectForgedFields(payload, collection, accountability);
    return payload;
  });

  filter('items.create', async (payload, { collection }, { database: transaction }) =>
    numberOnCreate(payload as Record<string, unknown>, collection, transaction, new Date(), timeZone),
  );
});
