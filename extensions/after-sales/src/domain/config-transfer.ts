import { sameConfigValue } from './config-upgrade';

/**
 * Moving the administrator's configuration between consoles (a test and a production console): the rule
 * tables with the working calendar, the field settings and permissions of the data model, and the project
 * settings, as one YAML document. Rows are matched by
 * their natural key (rules.yaml's `key`), never by id, so a file from another console finds the same rule.
 * Import adds and changes; a row the file does not have is left as it is.
 */
export const CONFIG_FORMAT = 'after-sales-config';
export const CONFIG_VERSION = 1;

/** Each table the administrator owns and its natural key (the same keys as snapshots/rules.yaml). */
export const CONFIG_TABLES: Record<string, string[]> = {
  company_profile: ['id'],
  numbering_rules: ['collection'],
  deadline_rules: ['key'],
  approval_authorities: ['level'],
  penalty_standards: ['code'],
  required_documents: ['claim_type', 'doc_type'],
  guidance_texts: ['key'],
  rule_parameters: ['key'],
  complaint_transitions: ['from_stage', 'to_stage', 'department'],
  work_calendar: ['date'],
};

/**
 * Directus's own tables the administrator edits in the data model and the access settings, matched by a
 * natural key too: a field's settings by collection and field (the console's own collections only), a
 * permission by the policy's name, the collection and the action. Import changes field settings, never
 * creates a field; it creates or changes permissions of policies the console already has.
 */
export const CONFIG_SYSTEM_TABLES: Record<string, { key: string[]; columns: string[] }> = {
  directus_fields: {
    key: ['collection', 'field'],
    columns: [
      'note',
      'translations',
      'interface',
      'options',
      'display',
      'display_options',
      'readonly',
      'hidden',
      'required',
      'width',
      'sort',
      'group',
      'conditions',
      'validation',
      'validation_message',
    ],
  },
  directus_permissions: { key: ['policy', 'collection', 'action'], columns: ['fields', 'permissions', 'validation', 'presets'] },
};

/** The natural key of any table a configuration file carries. */
export const configKey = (table: string): string[] | undefined => CONFIG_TABLES[table] ?? CONFIG_SYSTEM_TABLES[table]?.key;

/** The project settings the administrator owns (snapshots/config.yaml `settings`). */
export const CONFIG_SETTINGS = [
  'project_name',
  'project_descriptor',
  'project_color',
  'default_language',
  'default_appearance',
  'public_registration',
  'report_error_url',
  'auth_login_attempts',
  'module_bar',
];

type Row = Record<string, unknown>;

export interface ConfigDocument {
  format: string;
  version: number;
  exported_at?: string;
  tables: Record<string, { key: string[]; rows: Row[] }>;
  settings: Row;
}

export interface StoredConfig {
  tables: Record<string, Row[]>;
  settings: Row;
}

/** Names a table, a field and a row for a message (Chinese labels from the schema). */
export interface ConfigLabels {
  table: (table: string) => string;
  field: (table: string, field: string) => string;
  /** the writable columns of a table (no id, no audit columns, no aliases) */
  columns: (table: string) => string[];
}

export interface FieldChange {
  field: string;
  label: string;
  from: unknown;
  to: unknown;
}

export interface RowChange {
  table: string;
  table_label: string;
  key: string;
  action: 'create' | 'update';
  /** primary key of the stored row (update) */
  target: string | null;
  changes: FieldChange[];
  values: Row;
}

export interface ConfigImportPlan {
  rows: RowChange[];
  settings: FieldChange[];
  unchanged: number;
}

const AUDIT_COLUMNS = new Set(['id', 'user_created', 'date_created', 'user_updated', 'date_updated']);

/** The columns of a table a configuration file carries: what the administrator sets, not who or when. */
export const exportedColumns = (table: string, columns: string[]) =>
  columns.filter((column) => !AUDIT_COLUMNS.has(column) || configKey(table)?.includes(column));

const plainDate = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value);

/** The natural key of a row as text: `deadline_rules` `complaint_close`, `work_calendar` `2027-02-10`. */
export const rowKey = (table: string, row: Row) =>
  (configKey(table) ?? []).map((column) => String(table === 'work_calendar' ? plainDate(row[column]) : row[column])).join('|');

/** The document of a console's configuration, rows in key order so two exports compare line by line. */
export function configDocument(stored: StoredConfig, labels: ConfigLabels, exportedAt: Date): ConfigDocument {
  const tables: ConfigDocument['tables'] = {};
  for (const table of [...Object.keys(CONFIG_TABLES), ...Object.keys(CONFIG_SYSTEM_TABLES)]) {
    const key = configKey(table)!;
    const columns = exportedColumns(table, labels.columns(table));
    const rows = (stored.tables[table] ?? []).map((row) =>
      Object.fromEntries(
        columns.map((column) => [column, table === 'work_calendar' && column === 'date' ? plainDate(row[column]) : (row[column] ?? null)]),
      ),
    );
    rows.sort((a, b) => rowKey(table, a).localeCompare(rowKey(table, b), 'en', { numeric: true }));
    tables[table] = { key, rows };
  }
  const settings = Object.fromEntries(CONFIG_SETTINGS.map((name) => [name, stored.settings[name] ?? null]));
  return { format: CONFIG_FORMAT, version: CONFIG_VERSION, exported_at: exportedAt.toISOString(), tables, settings };
}

const isObject = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What the file asks to change, or the reasons it cannot be imported (in Chinese, naming the table, the row
 * and the field). Nothing is judged by the values' meaning here: Directus validates them when they are written.
 */
export function planConfigImport(
  file: unknown,
  stored: StoredConfig,
  labels: ConfigLabels,
): { plan: ConfigImportPlan; problems: string[] } {
  const problems: string[] = [];
  const plan: ConfigImportPlan = { rows: [], settings: [], unchanged: 0 };
  if (!isObject(file) || file['format'] !== CONFIG_FORMAT) {
    return { plan, problems: [`文件不是本系统导出的配置（第一行应为 format: ${CONFIG_FORMAT}）。`] };
  }
  if (file['version'] !== CONFIG_VERSION) problems.push(`配置文件版本 ${String(file['version'])} 不受支持（应为 ${CONFIG_VERSION}）。`);
  const tables = file['tables'] ?? {};
  if (!isObject(tables)) problems.push('tables 应为“规则表名: {key, rows}”的映射。');
  for (const [table, section] of Object.entries(isObject(tables) ? tables : {})) {
    const key = configKey(table);
    if (!key) {
      const importable = [...Object.keys(CONFIG_TABLES), ...Object.keys(CONFIG_SYSTEM_TABLES)];
      problems.push(`不能导入“${table}”：可导入的表为 ${importable.join('、')}。`);
      continue;
    }
    const tableLabel = labels.table(table);
    const rows = isObject(section) ? section['rows'] : undefined;
    if (!Array.isArray(rows)) {
      problems.push(`${tableLabel}（${table}）：缺少 rows 列表。`);
      continue;
    }
    const columns = new Set(exportedColumns(table, labels.columns(table)));
    const byKey = new Map((stored.tables[table] ?? []).map((row) => [rowKey(table, row), row]));
    const seen = new Set<string>();
    rows.forEach((row: unknown, index) => {
      const where = `${tableLabel}第 ${index + 1} 行`;
      if (!isObject(row)) return problems.push(`${where}：应为“字段: 值”的映射。`);
      const missing = key.filter((column) => row[column] === undefined || row[column] === null || row[column] === '');
      if (missing.length)
        return problems.push(
          `${where}：缺少${missing.map((column) => `“${labels.field(table, column)}”`).join('、')}（用来找到对应的规则）。`,
        );
      const unknown = Object.keys(row).filter((column) => !columns.has(column));
      if (unknown.length) return problems.push(`${where}：${tableLabel}没有字段 ${unknown.join('、')}。`);
      const name = rowKey(table, row);
      if (seen.has(name)) return problems.push(`${where}：与前面的行重复（${name}）。`);
      seen.add(name);
      const current = byKey.get(name);
      const values = Object.fromEntries(Object.entries(row).filter(([column]) => !(table !== 'company_profile' && column === 'id')));
      const changes = Object.entries(values)
        .filter(
          ([column, value]) =>
            !current || !sameConfigValue(table === 'work_calendar' ? plainDate(current[column]) : current[column], value),
        )
        .map(([column, value]) => ({
          field: column,
          label: labels.field(table, column),
          from: current ? (current[column] ?? null) : null,
          to: value,
        }));
      if (current && changes.length === 0) return void plan.unchanged++;
      plan.rows.push({
        table,
        table_label: tableLabel,
        key: name,
        action: current ? 'update' : 'create',
        target: current ? String(current['id']) : null,
        changes: current ? changes.filter((change) => !key.includes(change.field)) : changes,
        values: current ? Object.fromEntries(changes.map((change) => [change.field, change.to])) : values,
      });
    });
  }
  const settings = file['settings'] ?? {};
  if (!isObject(settings)) problems.push('settings 应为“设置项: 值”的映射。');
  for (const [name, value] of Object.entries(isObject(settings) ? settings : {})) {
    if (!CONFIG_SETTINGS.includes(name)) {
      problems.push(`不能导入设置“${name}”：可导入的设置为 ${CONFIG_SETTINGS.join('、')}。`);
      continue;
    }
    if (!sameConfigValue(stored.settings[name] ?? null, value ?? null))
      plan.settings.push({
        field: name,
        label: labels.field('directus_settings', name),
        from: stored.settings[name] ?? null,
        to: value ?? null,
      });
  }
  return { plan, problems };
}
