import { isRevisedRuleTable } from '../domain/rule-revision';
import { readEarlierRows, recordRuleRevision } from '../rule-revisions/record-rule-revision';
import type { DataAccess } from '../shared/data-access';
import type { ConfigLedger } from './config-ledger';
import type { ModelLabels } from './model-labels';
import { readYaml } from './read-yaml';
import { reconcileConfig, type ReconcileCounts } from './reconcile-config';
import type { SetupContext } from './setup-context';

type Row = Record<string, unknown>;
interface RowsFile {
  [collection: string]: { key: string[]; rows: Row[] };
}

const keyOf = (row: Row, key: string[]) => key.map((k) => String(row[k])).join('|');
// Seeding is not a user's edit, and the CLI exits before after-commit hooks could finish.
const QUIET = { emitEvents: false };

/** Inserts the rows whose key is not in the table yet (the official calendar days). */
export async function insertMissingRows(
  ctx: SetupContext,
  schema: unknown,
  collection: string,
  key: string[],
  rows: Row[],
): Promise<number> {
  const items = new ctx.services['ItemsService'](collection, { knex: ctx.database, schema, accountability: null });
  const existing: Row[] = await items.readByQuery({ fields: key, limit: -1 });
  const present = new Set(existing.map((row) => keyOf(row, key)));
  const missing = rows.filter((row) => !present.has(keyOf(row, key)));
  if (missing.length > 0) await items.createMany(missing, QUIET);
  return missing.length;
}

const rowName = (row: Row, key: string[]) => String(row['name'] ?? row['title'] ?? row['level'] ?? key.map((k) => row[k]).join(' '));

/**
 * The default rows of one rule table, applied through the ledger (setup/reconcile-config.ts): a row
 * new in this release is added; a row the administrator edited or deleted stays as they left it; a
 * release change to a column they did not touch is applied, one they did is reported. When upgrading
 * (not on the first start), each row the release adds or changes is an entry of 规则修订记录 with the
 * source 版本升级, waiting for the 总经理's approval like a person's change (第十六条).
 */
export async function reconcileRows(
  ctx: SetupContext,
  schema: any,
  ledger: ConfigLedger,
  labels: ModelLabels,
  collection: string,
  key: string[],
  rows: Row[],
  upgrading = false,
): Promise<ReconcileCounts> {
  const items = new ctx.services['ItemsService'](collection, { knex: ctx.database, schema, accountability: null });
  const data: DataAccess = { services: ctx.services, schema, database: ctx.database };
  const revised = upgrading && isRevisedRuleTable(collection);
  const revise = (item: string, action: 'create' | 'update') =>
    revised ? recordRuleRevision(data, { collection, item, action, user: null, source: 'upgrade' }, ctx.now) : undefined;
  const primary: string = schema.collections[collection].primary;
  const columns = [...new Set([...key, ...rows.flatMap((row) => Object.keys(row))])];
  const existing: Row[] = await items.readByQuery({ fields: [primary, ...columns], limit: -1 }, QUIET);
  const pick = (row: Row) => Object.fromEntries(columns.map((column) => [column, row[column] ?? null]));
  return reconcileConfig(ledger, {
    kind: 'rule_row',
    scope: `${collection}:`,
    adopt: 'keep',
    shipped: rows.map((row) => ({
      key: `${collection}:${keyOf(row, key)}`,
      label: `${labels.collection(collection)}「${rowName(row, key)}」`,
      value: row,
    })),
    current: existing.map((row) => ({ key: `${collection}:${keyOf(row, key)}`, target: String(row[primary]), value: pick(row) })),
    propertyLabel: (column) => labels.field(collection, column),
    create: async (item) => {
      const target = String(await items.createOne(item.value, QUIET));
      await revise(target, 'create');
      return target;
    },
    update: async (target, values) => {
      if (revised) await readEarlierRows(data, collection, [target]);
      await items.updateOne(target, values, QUIET);
      await revise(target, 'update');
    },
  });
}

/** Every rule table of rules.yaml; the tables whose rows changed are named, so setup can recompute what depends on them. */
export async function seedRowsFile(ctx: SetupContext, schema: unknown, ledger: ConfigLedger, labels: ModelLabels, file: string) {
  const tables = await readYaml<RowsFile>(ctx.snapshotsPath, file);
  const total: ReconcileCounts = { created: 0, updated: 0, removed: 0, conflicts: 0 };
  const changed: string[] = [];
  // The first start installs the defaults; a later one that finds rule rows recorded is an upgrade.
  const upgrading = ledger.keys('rule_row').length > 0;
  for (const [collection, { key, rows }] of Object.entries(tables)) {
    const counts = await reconcileRows(ctx, schema, ledger, labels, collection, key, rows, upgrading);
    if (counts.created + counts.updated > 0) changed.push(collection);
    for (const name of Object.keys(total) as (keyof ReconcileCounts)[]) total[name] += counts[name];
  }
  return { ...total, changed };
}
