import {
  createItem,
  createPolicy,
  deleteItems,
  deletePolicy,
  readField,
  readItems,
  readMe,
  readPermissions,
  readSettings,
  updateField,
  updateSettings,
} from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser, type Client } from '../helpers/api';

// Issue 17 (X-LOWCODE): the administrator's configuration moves between consoles as reviewable YAML; a dry
// run shows the changes and keeps nothing; an import writes all of it in one transaction or none of it.
// Only rows this file creates are imported, so the other tests' rules stay as they are.
const tag = randomUUID().slice(0, 6).toUpperCase();
const codeA = `PX${tag}`;
const codeB = `PY${tag}`;
const holidayName = `导入的假日${tag}`;
const day = `2099-0${1 + (parseInt(tag, 16) % 9)}-1${parseInt(tag, 16) % 10}`;
let admin: Client;
let reportUrl: unknown;
beforeAll(async () => {
  admin = await asAdmin();
  reportUrl = (await admin.request(readSettings({ fields: ['report_error_url'] })))['report_error_url'];
  await admin.request(createItem('penalty_standards', { code: codeA, name: '导入前的情形', loss_amount: 100, penalty_type: 'warning' }));
});
afterAll(async () => {
  await admin.request(updateSettings({ report_error_url: reportUrl as string | null }));
  await admin.request(deleteItems('penalty_standards', { filter: { code: { _in: [codeA, codeB] } } }));
  await admin.request(deleteItems('work_calendar', { filter: { name: { _eq: holidayName } } }));
});

const penalty = async (code: string) =>
  (await admin.request(readItems('penalty_standards', { filter: { code: { _eq: code } }, fields: ['name', 'penalty_type'] })))[0];
const configFile = (tables: object, settings: object = {}) => stringify({ format: 'after-sales-config', version: 1, tables, settings });
const importing = (yaml: string, dryRun: boolean) => callEndpoint(admin, 'POST', '/after-sales/config/import', { yaml, dry_run: dryRun });

test('the export is YAML of every rule table, the calendar and the settings, for administrators only', async () => {
  const exported = await callEndpoint(admin, 'GET', '/after-sales/config/export');
  expect(exported.status).toBe(200);
  expect(exported.type).toContain('yaml');
  expect(exported.text.split('\n')[0]).toContain('配置导出');
  const document = parse(exported.text);
  expect(document.format).toBe('after-sales-config');
  expect(document.tables.deadline_rules.key).toEqual(['key']);
  expect(document.tables.deadline_rules.rows.map((row: any) => row.key)).toContain('complaint_close');
  expect(document.tables.deadline_rules.rows[0]).not.toHaveProperty('id');
  expect(document.tables.penalty_standards.rows).toContainEqual(expect.objectContaining({ code: codeA, name: '导入前的情形' }));
  expect(document.tables.work_calendar.rows[0].date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(document.settings.project_name).toBe('售后服务管理');

  const clerk = await createStaffUser('市场部');
  for (const [method, route] of [
    ['GET', '/after-sales/config/export'],
    ['POST', '/after-sales/config/import'],
  ] as const) {
    const refused = await callEndpoint(clerk.client, method, route, method === 'POST' ? { yaml: exported.text, dry_run: true } : undefined);
    expect(refused.status).toBe(403);
    expect(refused.json.errors[0].message).toBe('只有管理员可以执行此操作。');
  }
});

test('a dry run lists the changes and keeps nothing; the import writes them, recorded as 配置导入', async () => {
  const yaml = configFile(
    {
      penalty_standards: {
        key: ['code'],
        rows: [
          { code: codeA, name: '导入后的情形', loss_amount: 100, penalty_type: 'warning' },
          { code: codeB, name: '新情形', loss_amount: 0, penalty_type: 'none', administrative_sanction: false },
        ],
      },
      work_calendar: { key: ['date'], rows: [{ date: day, is_workday: false, name: holidayName, source: 'company' }] },
    },
    { report_error_url: 'https://example.com/after-sales-report' },
  );
  const preview = await importing(yaml, true);
  expect(preview.status).toBe(200);
  const planned = preview.json.data;
  expect(planned.dry_run).toBe(true);
  expect(planned.counts).toMatchObject({ created: 2, updated: 1, settings: 1, unchanged: 0 });
  expect(planned.rows.find((row: any) => row.key === codeA)).toMatchObject({
    table_label: '罚扣判定基准',
    action: 'update',
    changes: [{ field: 'name', label: '情形', from: '导入前的情形', to: '导入后的情形' }],
  });
  expect(planned.settings).toEqual([expect.objectContaining({ field: 'report_error_url', to: 'https://example.com/after-sales-report' })]);
  expect(planned.recomputed).toBeNull();
  expect(await penalty(codeA)).toMatchObject({ name: '导入前的情形' });
  expect(await penalty(codeB)).toBeUndefined();
  expect(await admin.request(readItems('work_calendar', { filter: { name: { _eq: holidayName } } }))).toEqual([]);

  const imported = await importing(yaml, false);
  expect(imported.status).toBe(200);
  expect(imported.json.data.counts).toMatchObject({ created: 2, updated: 1, settings: 1 });
  expect(typeof imported.json.data.recomputed).toBe('number');
  expect(await penalty(codeA)).toMatchObject({ name: '导入后的情形' });
  expect(await penalty(codeB)).toMatchObject({ name: '新情形', penalty_type: 'none' });
  const holiday = await admin.request(
    readItems('work_calendar', { filter: { name: { _eq: holidayName } }, fields: ['date', 'is_workday'] }),
  );
  expect(holiday.map((row: any) => [String(row.date).slice(0, 10), row.is_workday])).toContainEqual([day, false]);
  expect((await admin.request(readSettings({ fields: ['report_error_url'] })))['report_error_url']).toBe(
    'https://example.com/after-sales-report',
  );
  const me = await admin.request(readMe({ fields: ['id'] }));
  const revisions = (await admin.request(
    readItems('rule_revisions', {
      filter: { rule_collection: { _in: ['penalty_standards', 'work_calendar'] }, source: { _eq: 'config_import' } },
      fields: ['item_label', 'action', 'changed_by', 'status'],
      sort: ['-id'],
      limit: 3,
    }),
  )) as any[];
  expect(revisions.map((r) => [r.item_label, r.action]).sort()).toEqual(
    [
      ['导入后的情形', 'update'],
      ['新情形', 'create'],
      [`${day} ${holidayName}`, 'create'],
    ].sort(),
  );
  expect(revisions.every((r) => r.changed_by === me.id && r.status === 'pending')).toBe(true);

  // The same file again changes nothing.
  expect((await importing(yaml, true)).json.data.counts).toMatchObject({ created: 0, updated: 0, settings: 0, unchanged: 3 });
});

test('a file with one bad row changes nothing, and the refusal names the table, the row and the field', async () => {
  const bad = configFile({
    penalty_standards: {
      key: ['code'],
      rows: [
        { code: codeA, name: '不应写入的情形' },
        { code: `PZ${tag}`, name: '惩处种类不存在', penalty_type: 'prison' },
      ],
    },
  });
  for (const dryRun of [true, false]) {
    const refused = await importing(bad, dryRun);
    expect(refused.status).toBe(400);
    expect(refused.json.errors[0].extensions.code).toBe('AFTER_SALES_INVALID_CONFIG_FILE');
    expect(refused.json.errors[0].message).toContain(`配置导入失败，未做任何修改：罚扣判定基准「PZ${tag}」`);
  }
  expect((await penalty(codeA))?.name).not.toBe('不应写入的情形');
  expect(await penalty(`PZ${tag}`)).toBeUndefined();

  const unknownField = await importing(configFile({ penalty_standards: { key: ['code'], rows: [{ code: codeA, fine: 5 }] } }), true);
  expect(unknownField.status).toBe(400);
  expect(unknownField.json.errors[0].message).toContain('罚扣判定基准第 1 行：罚扣判定基准没有字段 fine');
  const noKey = await importing(configFile({ deadline_rules: { key: ['key'], rows: [{ name: '无键' }] } }), true);
  expect(noKey.json.errors[0].message).toContain('时限规则第 1 行：缺少“');
  const notYaml = await importing('format: [', true);
  expect(notYaml.status).toBe(400);
  expect(notYaml.json.errors[0].message).toContain('不是有效的 YAML');
});

test('field settings and permissions move too: a dry run shows them, the import writes them; no new field, no unknown policy', async () => {
  const policyName = `导入测试${tag}`;
  const policy = await admin.request(createPolicy({ name: policyName, app_access: false, admin_access: false }));
  const noteBefore = (await admin.request(readField('penalty_standards', 'name'))).meta?.note ?? null;
  const noteAfter = `情形说明（导入${tag}）`;
  try {
    const exported = parse((await callEndpoint(admin, 'GET', '/after-sales/config/export')).text);
    expect(exported.tables.directus_fields.key).toEqual(['collection', 'field']);
    expect(exported.tables.directus_fields.rows).toContainEqual(
      expect.objectContaining({ collection: 'penalty_standards', field: 'name' }),
    );
    expect(exported.tables.directus_fields.rows.some((row: any) => String(row.collection).startsWith('directus_'))).toBe(false);
    expect(exported.tables.directus_permissions.key).toEqual(['policy', 'collection', 'action']);
    expect(exported.tables.directus_permissions.rows).toContainEqual(
      expect.objectContaining({ policy: '市场部', collection: 'claim_reports', action: 'create' }),
    );

    const granted = (fields: string[]) => ({
      key: ['policy', 'collection', 'action'],
      rows: [
        { policy: policyName, collection: 'penalty_standards', action: 'read', fields, permissions: {}, validation: null, presets: null },
      ],
    });
    const fieldNote = { key: ['collection', 'field'], rows: [{ collection: 'penalty_standards', field: 'name', note: noteAfter }] };
    const yaml = configFile({ directus_fields: fieldNote, directus_permissions: granted(['code', 'name']) });
    const preview = await importing(yaml, true);
    expect(preview.status).toBe(200);
    expect(preview.json.data.counts).toMatchObject({ created: 1, updated: 1 });
    expect(preview.json.data.rows.find((row: any) => row.table === 'directus_fields')).toMatchObject({
      table_label: '字段设置',
      key: 'penalty_standards|name',
      changes: [{ field: 'note', label: '说明', from: noteBefore, to: noteAfter }],
    });
    const permissionsOf = () =>
      admin.request(readPermissions({ filter: { policy: { _eq: policy.id } }, fields: ['collection', 'action', 'fields'] }));
    expect(await permissionsOf()).toEqual([]);
    expect((await admin.request(readField('penalty_standards', 'name'))).meta?.note ?? null).toBe(noteBefore);

    expect((await importing(yaml, false)).status).toBe(200);
    expect((await admin.request(readField('penalty_standards', 'name'))).meta?.note).toBe(noteAfter);
    expect(await permissionsOf()).toEqual([{ collection: 'penalty_standards', action: 'read', fields: ['code', 'name'] }]);

    // A narrower grant is an update of the same permission, matched by policy, collection and action.
    const narrower = await importing(configFile({ directus_permissions: granted(['code']) }), false);
    expect(narrower.json.data.counts).toMatchObject({ created: 0, updated: 1 });
    expect(await permissionsOf()).toEqual([{ collection: 'penalty_standards', action: 'read', fields: ['code'] }]);

    const noField = await importing(
      configFile({
        directus_fields: { key: ['collection', 'field'], rows: [{ collection: 'penalty_standards', field: 'fine', note: 'x' }] },
      }),
      true,
    );
    expect(noField.status).toBe(400);
    expect(noField.json.errors[0].message).toContain('字段设置「penalty_standards|fine」：本系统没有这个字段');
    const noPolicy = await importing(
      configFile({
        directus_fields: { key: ['collection', 'field'], rows: [{ collection: 'penalty_standards', field: 'name', note: '不应写入' }] },
        directus_permissions: {
          key: ['policy', 'collection', 'action'],
          rows: [{ policy: `不存在${tag}`, collection: 'penalty_standards', action: 'read', fields: ['code'] }],
        },
      }),
      false,
    );
    expect(noPolicy.status).toBe(400);
    expect(noPolicy.json.errors[0].message).toContain(`本系统没有名为“不存在${tag}”的权限策略`);
    expect((await admin.request(readField('penalty_standards', 'name'))).meta?.note).toBe(noteAfter);
  } finally {
    await admin.request(updateField('penalty_standards', 'name', { meta: { note: noteBefore } }));
    await admin.request(deletePolicy(policy.id));
  }
});
