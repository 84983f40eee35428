import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  deleteItem,
  readField,
  readItems,
  readNotifications,
  readPermissions,
  readPolicies,
  readSettings,
  readTranslations,
  updateField,
  updateItem,
  updatePermission,
  updateSettings,
  updateTranslation,
} from '@directus/sdk';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { asAdmin, type Client } from '../helpers/api';
import { createTestDatabase } from '../helpers/postgres.mjs';
import { startTestServer, type TestServer } from '../helpers/test-server';

// Its own server on a scratch copy of snapshots/: the test edits as an administrator, restarts, then
// "upgrades" by changing the shipped files the way a new release would, and restarts again.
const snapshots = mkdtempSync(path.join(os.tmpdir(), 'after-sales-release-'));
const postgres = process.env['AFTER_SALES_TEST_DB'] === 'pg' ? createTestDatabase(process.env['AFTER_SALES_TEST_PG']!) : null;
let server: TestServer;
let admin: Client;

beforeAll(async () => {
  cpSync(path.resolve('snapshots'), snapshots, { recursive: true });
  server = await startTestServer({ ...(postgres?.env ?? {}), AFTER_SALES_SNAPSHOTS_PATH: snapshots });
  admin = await asAdmin(server.url);
});
afterAll(async () => {
  await server?.destroy();
  postgres?.drop();
  rmSync(snapshots, { recursive: true, force: true });
});

const release = (file: string, change: (data: any) => void) => {
  const data = parse(readFileSync(path.join(snapshots, file), 'utf8'));
  change(data);
  writeFileSync(path.join(snapshots, file), stringify(data));
};
const rule = async (key: string) => (await admin.request(readItems('deadline_rules', { filter: { key: { _eq: key } } })))[0] as any;
const guidance = async (key: string) =>
  admin.request(readItems('guidance_texts', { filter: { key: { _eq: key } }, fields: ['id', 'content'] }));
const policyId = async (name: string) =>
  ((await admin.request(readPolicies({ filter: { name: { _eq: name } }, fields: ['id'] })))[0] as any).id as string;
const cell = async (policy: string, collection: string, action = 'read') =>
  (await admin.request(
    readPermissions({ filter: { policy: { _eq: await policyId(policy) }, collection: { _eq: collection }, action: { _eq: action } } }),
  )) as any[];
const translation = async (key: string) =>
  (await admin.request(readTranslations({ filter: { key: { _eq: key }, language: { _eq: 'zh-CN' } } })))[0] as any;

test('what an administrator changed survives every start; an upgrade applies the rest and reports what it did not force', async () => {
  // The administrator's work, over the API the admin app uses.
  await admin.request(updateItem('deadline_rules', (await rule('complaint_investigation')).id, { limit_value: 5 }));
  const [scene] = await guidance('report_scene');
  await admin.request(deleteItem('guidance_texts', scene!.id));
  await admin.request(updateField('complaints', 'demand', { meta: { note: '管理员写的说明：客户的原话' } }));
  const [marketInsurers] = await cell('市场部', 'insurers');
  await admin.request(updatePermission(marketInsurers.id, { fields: ['id', 'name', 'code'] }));
  const [opsInsurers] = await cell('运营部', 'insurers');
  await admin.request(updatePermission(opsInsurers.id, { permissions: { name: { _nnull: true } } }));
  await admin.request(updateTranslation((await translation('errors.AFTER_SALES_ADMIN_ONLY')).id, { value: '只有管理员可以这样做' }));
  await admin.request(updateSettings({ project_descriptor: '东方保代售后' }));

  await server.restart();
  admin = await asAdmin(server.url);
  const keptAsLeft = async () => {
    expect((await rule('complaint_investigation')).limit_value).toBe(5);
    expect(await guidance('report_scene')).toEqual([]);
    expect(((await admin.request(readField('complaints', 'demand'))) as any).meta.note).toBe('管理员写的说明：客户的原话');
    expect((await cell('市场部', 'insurers'))[0].fields).toEqual(['id', 'name', 'code']);
    expect((await cell('运营部', 'insurers'))[0].permissions).toEqual({ name: { _nnull: true } });
    expect((await translation('errors.AFTER_SALES_ADMIN_ONLY')).value).toBe('只有管理员可以这样做');
    expect((await admin.request(readSettings())).project_descriptor).toBe('东方保代售后');
  };
  await keptAsLeft();
  expect(await admin.request(readItems('config_upgrades', { limit: -1 }))).toEqual([]);

  // The next release: it changes defaults the administrator edited, and others nobody touched.
  release('rules.yaml', (rules) => {
    const row = (table: string, key: string) => rules[table].rows.find((r: any) => r.key === key);
    Object.assign(row('deadline_rules', 'complaint_investigation'), { limit_value: 4, name: '运营部调查（新版名称）' });
    row('deadline_rules', 'complaint_tech_analysis').limit_value = 3;
    row('guidance_texts', 'report_scene').content = '新版本的现场保全话术';
  });
  release('schema.yaml', (schema) => {
    const field = (name: string) => schema.fields.find((f: any) => f.collection === 'complaints' && f.field === name);
    field('demand').meta.note = '新版本的说明';
    field('reason').meta.note = '新版本：客户投诉的理由';
  });
  release('access.yaml', (access) => {
    access.matrix['市场部'].insurers = { actions: 'R', read: { code: { _nnull: true } } };
    access.matrix['运营部'].insurers = { actions: 'R', read: { code: { _nnull: true } } };
    access.matrix['技术部'].complaint_monthly_stats = 'R';
    delete access.matrix['技术部'].insurers;
  });
  release('config.yaml', (config) => {
    config.translation_strings['zh-CN']['errors.AFTER_SALES_ADMIN_ONLY'] = '仅限管理员（新版）';
    config.translation_strings['zh-CN']['errors.AFTER_SALES_INVALID_PERIOD'] = '统计月份不正确';
  });

  await server.restart();
  admin = await asAdmin(server.url);
  await keptAsLeft();
  // What nobody had touched arrives.
  expect(await rule('complaint_investigation')).toMatchObject({ limit_value: 5, name: '运营部调查（新版名称）' });
  expect((await rule('complaint_tech_analysis')).limit_value).toBe(3);
  expect(((await admin.request(readField('complaints', 'reason'))) as any).meta.note).toBe('新版本：客户投诉的理由');
  expect((await cell('市场部', 'insurers'))[0]).toMatchObject({ fields: ['id', 'name', 'code'], permissions: { code: { _nnull: true } } });
  expect(await cell('技术部', 'complaint_monthly_stats')).toHaveLength(1);
  expect(await cell('技术部', 'insurers')).toEqual([]);
  expect((await translation('errors.AFTER_SALES_INVALID_PERIOD')).value).toBe('统计月份不正确');
  // The release's own changes of rule rows are revisions like a person's, from 版本升级, awaiting the 总经理 (第十六条).
  const upgradeRevisions = async () =>
    (await admin.request(
      readItems('rule_revisions', {
        filter: { source: { _eq: 'upgrade' } },
        fields: ['rule_collection', 'item_label', 'action', 'changed_fields', 'before', 'after', 'changed_by', 'status'],
        sort: ['id'],
      }),
    )) as any[];
  const byRelease = await upgradeRevisions();
  expect(byRelease.find((r) => r.item_label === '技术部分析异常原因')).toMatchObject({
    rule_collection: 'deadline_rules',
    action: 'update',
    changed_fields: ['limit_value'],
    before: { limit_value: 2 },
    after: { limit_value: 3 },
    changed_by: null,
    status: 'pending',
  });
  expect(byRelease.find((r) => r.item_label === '运营部调查（新版名称）')).toMatchObject({ changed_fields: ['name'] });

  // What was not forced is in 配置升级记录 and in a notification to the administrator.
  const records = (await admin.request(
    readItems('config_upgrades', {
      limit: -1,
      fields: ['outcome', 'kind', 'item', 'property', 'message', 'shipped_value', 'current_value'],
    }),
  )) as any[];
  const notForced = records.filter((r) => r.outcome !== 'applied' && r.outcome !== 'removed');
  expect(notForced.map((r) => [r.kind, r.outcome, r.property]).sort()).toEqual([
    ['field', 'conflict', '说明'],
    ['permission', 'conflict', '条目范围'],
    ['rule_row', 'conflict', '时限（limit_value）'],
    ['rule_row', 'deleted', null],
    ['translation', 'conflict', '译文'],
  ]);
  expect(notForced.find((r) => r.kind === 'rule_row' && r.outcome === 'conflict')).toMatchObject({
    item: '时限规则「运营部调查（新版名称）」',
    shipped_value: 4,
    current_value: 5,
  });
  expect(notForced.find((r) => r.outcome === 'deleted').message).toContain('服务话术「现场保全提示」');
  expect(notForced.find((r) => r.kind === 'field').item).toContain('客户要求');
  expect(records.filter((r) => r.outcome === 'applied').map((r) => r.item)).toEqual(
    expect.arrayContaining([
      '时限规则「运营部调查（新版名称）」',
      '时限规则「技术部分析异常原因」',
      expect.stringContaining('投诉理由'),
      expect.stringContaining('市场部'),
    ]),
  );
  expect(records.filter((r) => r.outcome === 'removed').map((r) => r.item)).toEqual(['技术部:insurers:read']);
  const notices = (await admin.request(
    readNotifications({ filter: { collection: { _eq: 'config_upgrades' } }, fields: ['subject', 'message'] }),
  )) as any[];
  expect(notices).toHaveLength(1);
  expect(notices[0].subject).toBe('配置升级：5 项新版本的改动因管理员已修改而未覆盖');
  expect(notices[0].message).toContain('保留管理员的设置');

  // The upgrade was applied once: starting again reports nothing new and changes nothing.
  await server.restart();
  admin = await asAdmin(server.url);
  await keptAsLeft();
  expect(await admin.request(readItems('config_upgrades', { limit: -1, fields: ['id'] }))).toHaveLength(records.length);
  expect(await upgradeRevisions()).toHaveLength(byRelease.length);
  expect(await admin.request(readNotifications({ filter: { collection: { _eq: 'config_upgrades' } }, fields: ['id'] }))).toHaveLength(1);
}, 600_000);
