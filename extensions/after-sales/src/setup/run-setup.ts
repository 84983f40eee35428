import { addClockIndexes } from './add-clock-indexes';
import { backfillApprovedPlans } from './backfill-approved-plans';
import { applySchemaSnapshot } from './apply-schema-snapshot';
import { createLoginFailuresTable } from './create-login-failures-table';
import { fillMaskedCopies } from './fill-masked-copies';
import { seedAccess } from './seed-access';
import { seedCalendar } from './seed-calendar';
import { seedDashboards } from './seed-dashboards';
import { seedPresets } from './seed-presets';
import { seedRowsFile } from './seed-rows';
import { seedSettings } from './seed-settings';
import { seedTranslations } from './seed-translations';
import { bumpRulesVersion } from '../shared/rules-cache';
import type { SetupContext } from './setup-context';
import { useWalJournal } from './use-wal-journal';

/** Brings a bootstrapped database up to this version of the console. Safe to run on every start. */
export async function runSetup(ctx: SetupContext): Promise<void> {
  const journal = await useWalJournal(ctx.database);
  if (journal) ctx.logger.info(`[after-sales] SQLite journal mode: ${journal}`);
  const schemaChanges = await applySchemaSnapshot(ctx);
  ctx.logger.info(`[after-sales] schema: ${schemaChanges} change(s) applied`);
  const approvals = await backfillApprovedPlans(ctx.database);
  if (approvals) ctx.logger.info(`[after-sales] approved complaints: ${approvals} given their approved amount and opinion`);
  const indexes = await addClockIndexes(ctx.database);
  ctx.logger.info(`[after-sales] deadline scan indexes: ${indexes.length ? indexes.join(', ') : 'unchanged'}`);
  const loginFailures = await createLoginFailuresTable(ctx.database);
  if (loginFailures.length) ctx.logger.info(`[after-sales] login failures: ${loginFailures.join(', ')} added`);
  const masked = Object.entries(await fillMaskedCopies(ctx.database)).map(([collection, rows]) => `${collection} ${rows}`);
  ctx.logger.info(`[after-sales] masked copies of ID numbers and phones: ${masked.length ? masked.join(', ') : 'unchanged'}`);
  const schema = await ctx.getSchema({ database: ctx.database, bypassCache: true });
  const settings = await seedSettings(ctx, schema);
  ctx.logger.info(`[after-sales] settings: ${settings.length ? settings.join(', ') : 'unchanged'}`);
  const translations = await seedTranslations(ctx, schema);
  ctx.logger.info(`[after-sales] translation strings: ${translations} added`);
  const access = await seedAccess(ctx, schema);
  ctx.logger.info(`[after-sales] access: ${access.created} created, ${access.updated} updated`);
  const rules = await seedRowsFile(ctx, schema, 'rules.yaml');
  ctx.logger.info(`[after-sales] rule tables: ${rules} default row(s) added`);
  const presets = await seedPresets(ctx, schema);
  ctx.logger.info(`[after-sales] list layouts and bookmarks: ${presets} added`);
  const dashboards = await seedDashboards(ctx, schema);
  ctx.logger.info(`[after-sales] dashboards: ${dashboards.length ? dashboards.join(', ') : 'unchanged'}`);
  const days = await seedCalendar(ctx, schema);
  ctx.logger.info(`[after-sales] work calendar: ${days} official day(s) added`);
  // Running instances read the rule tables afresh on their next write (setup may have added rows).
  await bumpRulesVersion(ctx.database);
}
