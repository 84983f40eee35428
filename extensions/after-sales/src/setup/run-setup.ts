import { addClockIndexes } from './add-clock-indexes';
import { backfillApprovedPlans } from './backfill-approved-plans';
import { backfillSceneSurveyMarks } from './backfill-scene-survey-marks';
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
import { recomputeOpenClocks } from '../clocks/recompute-open-clocks';
import { businessTimeZone } from '../shared/business-time-zone';
import { bumpRulesVersion } from '../shared/rules-cache';
import { ConfigLedger, createConfigBaselineTable, releaseOf } from './config-ledger';
import { modelLabels } from './model-labels';
import { readYaml } from './read-yaml';
import { reportUpgrade } from './report-upgrade';
import type { SetupContext } from './setup-context';
import { useWalJournal } from './use-wal-journal';

/**
 * Brings a bootstrapped database up to this version of the console. Safe to run on every start: what
 * the release ships is applied through the ledger of what was shipped before (config-ledger.ts), so
 * it reaches the database once, and never over what an administrator changed since.
 */
export async function runSetup(ctx: SetupContext): Promise<void> {
  const journal = await useWalJournal(ctx.database);
  if (journal) ctx.logger.info(`[after-sales] SQLite journal mode: ${journal}`);
  if (await createConfigBaselineTable(ctx.database)) ctx.logger.info('[after-sales] configuration ledger created');
  const ledger = await ConfigLedger.load(ctx.database);
  const labels = modelLabels(await readYaml(ctx.snapshotsPath, 'schema.yaml'));
  const schemaChanges = await applySchemaSnapshot(ctx, ledger, labels);
  ctx.logger.info(`[after-sales] schema: ${schemaChanges} change(s) applied`);
  const approvals = await backfillApprovedPlans(ctx.database);
  if (approvals) ctx.logger.info(`[after-sales] approved complaints: ${approvals} given their approved amount and opinion`);
  const marks = await backfillSceneSurveyMarks(ctx.database);
  if (marks) ctx.logger.info(`[after-sales] scene and survey notices: ${marks} tick(s) set from the recorded times`);
  const indexes = await addClockIndexes(ctx.database);
  ctx.logger.info(`[after-sales] deadline scan indexes: ${indexes.length ? indexes.join(', ') : 'unchanged'}`);
  const loginFailures = await createLoginFailuresTable(ctx.database);
  if (loginFailures.length) ctx.logger.info(`[after-sales] login failures: ${loginFailures.join(', ')} added`);
  const masked = Object.entries(await fillMaskedCopies(ctx.database)).map(([collection, rows]) => `${collection} ${rows}`);
  ctx.logger.info(`[after-sales] masked copies of ID numbers and phones: ${masked.length ? masked.join(', ') : 'unchanged'}`);
  const schema = await ctx.getSchema({ database: ctx.database, bypassCache: true });
  const settings = await seedSettings(ctx, schema, ledger);
  ctx.logger.info(`[after-sales] settings: ${settings.length ? settings.join(', ') : 'unchanged'}`);
  const translations = await seedTranslations(ctx, schema, ledger);
  ctx.logger.info(`[after-sales] translation strings: ${translations.created} added, ${translations.updated} updated`);
  const access = await seedAccess(ctx, schema, ledger, labels);
  ctx.logger.info(`[after-sales] access: ${access.created} created, ${access.updated} updated, ${access.removed} removed`);
  const rules = await seedRowsFile(ctx, schema, ledger, labels, 'rules.yaml');
  ctx.logger.info(`[after-sales] rule tables: ${rules.created} default row(s) added, ${rules.updated} updated`);
  const presets = await seedPresets(ctx, schema, ledger, labels);
  ctx.logger.info(`[after-sales] list layouts and bookmarks: ${presets.created} added, ${presets.updated} updated`);
  const dashboards = await seedDashboards(ctx, schema, ledger);
  ctx.logger.info(`[after-sales] dashboards: ${dashboards.length ? dashboards.join(', ') : 'unchanged'}`);
  const days = await seedCalendar(ctx, schema);
  ctx.logger.info(`[after-sales] work calendar: ${days} official day(s) added`);
  // A release that changed a deadline rule moves the open clocks with it, as an administrator's change would.
  if (rules.changed.includes('deadline_rules')) {
    const moved = await recomputeOpenClocks({ services: ctx.services, database: ctx.database, schema }, businessTimeZone(ctx.env));
    ctx.logger.info(`[after-sales] deadline rules upgraded: ${moved} open case deadline(s) recomputed`);
  }
  const recorded = await ledger.save(ctx.database, ctx.now);
  if (recorded) ctx.logger.info(`[after-sales] configuration ledger: ${recorded} item(s) recorded`);
  await reportUpgrade(ctx, schema, await releaseOf(ctx.snapshotsPath), ledger.entries);
  // Running instances read the rule tables afresh on their next write (setup may have added rows).
  await bumpRulesVersion(ctx.database);
}
