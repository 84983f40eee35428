import path from 'node:path';
import { runSetup } from '../setup/run-setup';
import type { HookSetup } from './hook-context';

/** `directus after-sales setup`: run by `npm start` (and the container) after `directus bootstrap`. */
export function registerSetupCommand({ on, context }: HookSetup): void {
  const { services, database, getSchema, env, logger } = context;
  on.init('cli.before', ({ program }: any) => {
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
}
