import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { parse, stringify } from 'yaml';
import { serveRuleRecomputes } from '../clocks/serve-rule-recomputes';
import {
  CONFIG_SETTINGS,
  CONFIG_SYSTEM_TABLES,
  CONFIG_TABLES,
  configDocument,
  planConfigImport,
  type ConfigImportPlan,
  type ConfigLabels,
  type RowChange,
  type StoredConfig,
} from '../domain/config-transfer';
import { REVISED_RULE_TABLES } from '../domain/rule-revision';
import { InvalidConfigFileError } from '../errors/invalid-config-file-error';
import { rememberEarlierRows } from '../rule-revisions/record-rule-revision';
import { fieldLabels } from '../shared/field-labels';
import { itemsServiceAs, QUIET, readRows, storedFields, type DataAccess } from '../shared/data-access';
import { bumpRulesVersion } from '../shared/rules-cache';
import { META_LABELS } from '../setup/apply-schema-snapshot';
import { SETTING_LABELS } from '../setup/seed-settings';

const SYSTEM_TABLE_LABELS: Record<string, string> = { directus_fields: '字段设置', directus_permissions: '权限' };

/** The Chinese names of the columns of Directus's field settings and permissions in a file or a message. */
const SYSTEM_COLUMN_LABELS: Record<string, string> = {
  ...META_LABELS,
  collection: '集合',
  field: '字段',
  policy: '权限策略',
  action: '操作',
  fields: '可用字段',
  permissions: '数据范围',
  presets: '预设值',
};

async function labelsFor(data: DataAccess): Promise<ConfigLabels> {
  const labels = await fieldLabels(data.database);
  const fieldLabel = (table: string, field: string) => {
    if (table === 'directus_settings') return SETTING_LABELS[field];
    if (CONFIG_SYSTEM_TABLES[table]) return SYSTEM_COLUMN_LABELS[field];
    return labels.get(`${table}.${field}`);
  };
  return {
    table: (table) => REVISED_RULE_TABLES[table] ?? SYSTEM_TABLE_LABELS[table] ?? (table === 'company_profile' ? '公司信息' : table),
    field: (table, field) => fieldLabel(table, field) ?? field,
    columns: (table) => {
      const system = CONFIG_SYSTEM_TABLES[table];
      return system ? [...system.key, ...system.columns] : storedFields(data.schema, table);
    },
  };
}

/**
 * Directus's field settings of the console's own collections and every permission, read as the administrator
 * through Directus's services (JSON and lists as the API gives them); a permission names its policy by name.
 */
async function readSystemRows(data: DataAccess, accountability: Accountability | null): Promise<StoredConfig['tables']> {
  const { directus_fields: fieldSettings, directus_permissions: permissions } = CONFIG_SYSTEM_TABLES;
  const fields = await itemsServiceAs(data, 'directus_fields', accountability).readByQuery({
    fields: ['id', ...fieldSettings!.key, ...fieldSettings!.columns],
    filter: { collection: { _nstarts_with: 'directus_' } },
    limit: -1,
  });
  const granted = await itemsServiceAs(data, 'directus_permissions', accountability).readByQuery({
    fields: ['id', 'policy.name', 'collection', 'action', ...permissions!.columns],
    limit: -1,
  });
  return {
    directus_fields: fields,
    directus_permissions: granted.map((row: Record<string, unknown>) => ({
      ...row,
      policy: (row['policy'] as { name?: string } | null)?.name ?? null,
    })),
  };
}

async function readStored(data: DataAccess, accountability: Accountability | null): Promise<StoredConfig> {
  const tables: StoredConfig['tables'] = await readSystemRows(data, accountability);
  for (const table of Object.keys(CONFIG_TABLES)) tables[table] = await readRows(data, table, storedFields(data.schema, table));
  const settingsService = new data.services['SettingsService']({ knex: data.database, schema: data.schema, accountability });
  const settings = (await settingsService.readSingleton({ fields: CONFIG_SETTINGS })) as Record<string, unknown>;
  return { tables, settings };
}

/** GET …/config/export: the console's configuration as a YAML document an administrator can review and keep. */
export async function exportConfig(data: DataAccess, accountability: Accountability | null, now: Date): Promise<string> {
  const document = configDocument(await readStored(data, accountability), await labelsFor(data), now);
  const header = [
    '# 售后服务管理：配置导出（规则表、工作日历、字段设置、权限、项目设置）',
    '# 导入：规则管理 → 配置导入导出，或 POST /after-sales/config/import {yaml, dry_run}；先预览，再导入。',
    '# 按各表的 key 找到对应的行：文件中有、系统中没有的行新增，值不同的修改；文件中没有的行保留不动。',
  ].join('\n');
  return `${header}\n${stringify(document, { lineWidth: 0 })}`;
}

export interface ConfigImportResult extends ConfigImportPlan {
  dry_run: boolean;
  counts: { created: number; updated: number; settings: number; unchanged: number };
  /** open cases whose due dates moved; null for a dry run */
  recomputed: number | null;
}

const messageOf = (error: unknown): string => {
  const errors = Array.isArray(error) ? error : [error];
  return errors.map((item) => (item instanceof Error ? item.message : String(item))).join('；');
};

/** Marks the dry run's transaction for rollback once every write was tried. */
class DryRunRollback extends Error {}

/**
 * A field's settings change through Directus's FieldsService, as in the data model (never a new field); a
 * permission through its PermissionsService, its policy found by name.
 */
async function writeSystemRow(data: DataAccess, accountability: Accountability | null, row: RowChange, stored: StoredConfig) {
  const options = { knex: data.database, schema: data.schema, accountability };
  if (row.table === 'directus_fields') {
    const current = stored.tables[row.table]?.find((candidate) => String(candidate['id']) === row.target);
    if (!current) throw new Error('本系统没有这个字段；配置导入只改字段设置，不新建字段。');
    const fields = new data.services['FieldsService'](options);
    await fields.updateField(current['collection'], { field: current['field'], meta: row.values });
    return;
  }
  const permissions = new data.services['PermissionsService'](options);
  if (row.action === 'update') return void (await permissions.updateOne(row.target, row.values));
  const policy = await data.database('directus_policies').where({ name: row.values['policy'] }).first('id');
  if (!policy) throw new Error(`本系统没有名为“${String(row.values['policy'])}”的权限策略，请先建立。`);
  await permissions.createOne({ ...row.values, policy: policy.id });
}

async function writePlan(data: DataAccess, accountability: Accountability | null, plan: ConfigImportPlan, stored: StoredConfig) {
  const [last] = await data.database('rule_revisions').max('id as id');
  for (const row of plan.rows) {
    const items = itemsServiceAs(data, row.table, accountability);
    try {
      if (CONFIG_SYSTEM_TABLES[row.table]) {
        await writeSystemRow(data, accountability, row, stored);
      } else if (row.action === 'create') {
        await items.createOne(row.values, QUIET);
      } else {
        // The rule revision of this write takes the row as it was from here (no update filter runs).
        const before = stored.tables[row.table]?.find((candidate) => String(candidate['id']) === row.target);
        if (before) rememberEarlierRows(row.table, [before]);
        await items.updateOne(row.target, row.values, QUIET);
      }
    } catch (error) {
      throw new InvalidConfigFileError({ reason: `${row.table_label}「${row.key}」：${messageOf(error)}` });
    }
  }
  // Each write was recorded in 规则修订记录 as the administrator's; the entries say it came from a file.
  await data
    .database('rule_revisions')
    .where('id', '>', Number(last?.id ?? 0))
    .update({ source: 'config_import' });
  if (plan.settings.length) {
    const settings = new data.services['SettingsService']({ knex: data.database, schema: data.schema, accountability });
    try {
      await settings.upsertSingleton(Object.fromEntries(plan.settings.map((change) => [change.field, change.to])), QUIET);
    } catch (error) {
      throw new InvalidConfigFileError({ reason: `项目设置：${messageOf(error)}` });
    }
  }
}

/**
 * POST …/config/import {yaml, dry_run}: the changes a configuration file makes, all written in one
 * transaction as the administrator or none. A dry run makes the same writes and rolls them back, so
 * Directus's own validations answer before anything is kept. After a real import the rules counter
 * moves on and open deadlines follow the new rules (as after the calendar import).
 */
export async function importConfig(
  data: DataAccess,
  accountability: Accountability | null,
  input: { yaml: unknown; dryRun: boolean },
  timeZone: string,
): Promise<ConfigImportResult> {
  if (typeof input.yaml !== 'string' || !input.yaml.trim())
    throw new InvalidConfigFileError({ reason: '请提供导出的配置文件内容（yaml）。' });
  let file: unknown;
  try {
    file = parse(input.yaml);
  } catch (error) {
    throw new InvalidConfigFileError({ reason: `不是有效的 YAML：${messageOf(error).split('\n')[0]}` });
  }
  const labels = await labelsFor(data);
  const run = async (database: Knex) => {
    const scoped = { ...data, database };
    const stored = await readStored(scoped, accountability);
    const { plan, problems } = planConfigImport(file, stored, labels);
    if (problems.length) throw new InvalidConfigFileError({ reason: problems.slice(0, 10).join('；') });
    await writePlan(scoped, accountability, plan, stored);
    return plan;
  };
  let plan: ConfigImportPlan;
  if (input.dryRun) {
    let tried: ConfigImportPlan | null = null;
    await data.database
      .transaction(async (trx) => {
        tried = await run(trx);
        throw new DryRunRollback();
      })
      .catch((error) => {
        if (!(error instanceof DryRunRollback)) throw error;
      });
    plan = tried!;
  } else {
    plan = await data.database.transaction(run);
  }
  const counts = {
    created: plan.rows.filter((row) => row.action === 'create').length,
    updated: plan.rows.filter((row) => row.action === 'update').length,
    settings: plan.settings.length,
    unchanged: plan.unchanged,
  };
  let recomputed: number | null = null;
  if (!input.dryRun) {
    recomputed = 0;
    if (plan.rows.some((row) => CONFIG_TABLES[row.table])) {
      await bumpRulesVersion(data.database);
      // The recompute the import's transaction asked for (its activity on a clock's rule table), served now.
      recomputed = (await serveRuleRecomputes(data, timeZone)).moved;
    }
  }
  return { ...plan, dry_run: input.dryRun, counts, recomputed };
}
