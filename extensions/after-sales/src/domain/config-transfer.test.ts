import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, test } from 'vitest';
import { CONFIG_SETTINGS, CONFIG_TABLES, configDocument, planConfigImport, type ConfigLabels, type StoredConfig } from './config-transfer';

const snapshot = (file: string) => parse(readFileSync(new URL(`../../../../snapshots/${file}`, import.meta.url), 'utf8'));

test('the tables and settings that move are the ones the release ships to the administrator', () => {
  const rules = snapshot('rules.yaml') as Record<string, { key: string[] }>;
  expect(Object.fromEntries(Object.entries(CONFIG_TABLES).filter(([table]) => table !== 'work_calendar'))).toEqual(
    Object.fromEntries(Object.entries(rules).map(([table, { key }]) => [table, key])),
  );
  expect([...CONFIG_SETTINGS].sort()).toEqual(Object.keys((snapshot('config.yaml') as { settings: object }).settings).sort());
});

const labels: ConfigLabels = {
  table: (table) => ({ deadline_rules: '时限规则', work_calendar: '工作日历' })[table] ?? table,
  field: (_table, field) => ({ limit_value: '时限数值', key: '规则键', date: '日期', project_name: '项目名称' })[field] ?? field,
  columns: (table) =>
    table === 'deadline_rules'
      ? ['id', 'key', 'name', 'limit_value', 'warn_ratio', 'date_updated']
      : table === 'work_calendar'
        ? ['id', 'date', 'is_workday', 'name']
        : ['id'],
};
const stored: StoredConfig = {
  tables: {
    deadline_rules: [
      { id: 7, key: 'complaint_close', name: '13天结案', limit_value: 13, warn_ratio: '0.80', date_updated: '2026-11-01T00:00:00Z' },
      { id: 8, key: 'claim_handover', name: '移交', limit_value: 3, warn_ratio: 0.8, date_updated: null },
    ],
    work_calendar: [{ id: 1, date: '2027-02-10', is_workday: false, name: '春节' }],
  },
  settings: { project_name: '售后服务管理' },
};
const file = (tables: object, settings: object = {}) => ({ format: 'after-sales-config', version: 1, tables, settings });

test('an export carries keys and values, not ids or who changed what, rows in key order', () => {
  const document = configDocument(stored, labels, new Date('2026-12-01T00:00:00Z'));
  expect(document.tables['deadline_rules']).toEqual({
    key: ['key'],
    rows: [
      { key: 'claim_handover', name: '移交', limit_value: 3, warn_ratio: 0.8 },
      { key: 'complaint_close', name: '13天结案', limit_value: 13, warn_ratio: '0.80' },
    ],
  });
  expect(document.settings['project_name']).toBe('售后服务管理');
  // Importing a console's own export changes nothing.
  const again = planConfigImport(JSON.parse(JSON.stringify(document)), stored, labels);
  expect(again).toEqual({ plan: { rows: [], settings: [], unchanged: 3 }, problems: [] });
});

test('the plan lists what would change: a changed column, a new row, a setting; equal decimals are equal', () => {
  const { plan, problems } = planConfigImport(
    file(
      {
        deadline_rules: {
          key: ['key'],
          rows: [
            { key: 'complaint_close', limit_value: 10, warn_ratio: 0.8 },
            { key: 'new_rule', name: '新规则', limit_value: 2 },
          ],
        },
        work_calendar: { key: ['date'], rows: [{ date: '2027-02-10', is_workday: false, name: '春节' }] },
      },
      { project_name: '售后服务' },
    ),
    stored,
    labels,
  );
  expect(problems).toEqual([]);
  expect(plan.rows).toEqual([
    {
      table: 'deadline_rules',
      table_label: '时限规则',
      key: 'complaint_close',
      action: 'update',
      target: '7',
      changes: [{ field: 'limit_value', label: '时限数值', from: 13, to: 10 }],
      values: { limit_value: 10 },
    },
    expect.objectContaining({
      key: 'new_rule',
      action: 'create',
      target: null,
      values: { key: 'new_rule', name: '新规则', limit_value: 2 },
    }),
  ]);
  expect(plan.unchanged).toBe(1);
  expect(plan.settings).toEqual([{ field: 'project_name', label: '项目名称', from: '售后服务管理', to: '售后服务' }]);
});

test.each([
  [{ format: 'other' }, '文件不是本系统导出的配置'],
  [file({ directus_users: { rows: [] } }), '不能导入“directus_users”'],
  [file({ deadline_rules: { rows: [{ name: '无键' }] } }), '时限规则第 1 行：缺少“规则键”'],
  [file({ deadline_rules: { rows: [{ key: 'a', limit_days: 3 }] } }), '时限规则第 1 行：时限规则没有字段 limit_days'],
  [file({ deadline_rules: { rows: [{ key: 'a' }, { key: 'a' }] } }), '时限规则第 2 行：与前面的行重复'],
  [file({}, { public_url: 'x' }), '不能导入设置“public_url”'],
])('%o is refused: %s', (document, message) => {
  expect(planConfigImport(document, stored, labels).problems.join('；')).toContain(message);
});

test('a permission is found by its policy, collection and action: a wider grant updates it, another action is new', () => {
  const permissions = { key: ['policy', 'collection', 'action'], columns: ['fields', 'permissions', 'validation', 'presets'] };
  const withPermissions: StoredConfig = {
    tables: {
      directus_permissions: [{ id: 41, policy: '市场部', collection: 'complaints', action: 'read', fields: ['id'], permissions: {} }],
    },
    settings: {},
  };
  const permissionLabels: ConfigLabels = {
    ...labels,
    columns: (table) => (table === 'directus_permissions' ? [...permissions.key, ...permissions.columns] : []),
  };
  const rows = [
    { policy: '市场部', collection: 'complaints', action: 'read', fields: ['id', 'stage'], permissions: {} },
    { policy: '市场部', collection: 'complaints', action: 'update', fields: ['stage'], permissions: {} },
  ];
  const { plan, problems } = planConfigImport(file({ directus_permissions: { rows } }), withPermissions, permissionLabels);
  expect(problems).toEqual([]);
  expect(plan.rows.map((row) => [row.key, row.action, row.target, row.values])).toEqual([
    ['市场部|complaints|read', 'update', '41', { fields: ['id', 'stage'] }],
    ['市场部|complaints|update', 'create', null, rows[1]],
  ]);
  const exported = configDocument(withPermissions, permissionLabels, new Date('2026-12-01T00:00:00Z'));
  expect(exported.tables['directus_permissions']?.rows).toEqual([
    { policy: '市场部', collection: 'complaints', action: 'read', fields: ['id'], permissions: {}, validation: null, presets: null },
  ]);
});
