import {
  createField,
  createItem,
  createPermission,
  readDashboards,
  readFieldsByCollection,
  readItem,
  readPanel,
  readPanels,
  readPermissions,
  readPolicies,
  readSettings,
  updateItem,
  updatePanel,
  updateSettings,
  readItems,
} from '@directus/sdk';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser } from '../helpers/api';
import { maskIdNumber } from '../../extensions/after-sales/src/domain/personal-data';
import { claimReportPayload, createPolicyFixture, idNumber } from '../helpers/fixtures';
import { runStatement } from '../helpers/sqlite-pragma';
import { startTestServer, type TestServer } from '../helpers/test-server';

// Its own server: this test stops and starts it the way `npm start` does on an existing database.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.destroy());

test('npm start on an existing database keeps every item and every administrator change', async () => {
  let admin = await asAdmin(server.url);
  const { policy } = await createPolicyFixture(admin);
  const report = await admin.request(createItem('claim_reports', claimReportPayload(policy.id)));
  await admin.request(updateSettings({ project_name: '东方保险代理售后' }));
  // A fresh database opens with 售后工作台 after 内容; a bar arranged before the workbench and 规则管理 existed gets them on upgrade.
  const freshBar = (await admin.request(readSettings())).module_bar as { id: string; enabled: boolean }[];
  expect(freshBar.slice(0, 2)).toEqual([
    { type: 'module', id: 'content', enabled: true },
    { type: 'module', id: 'after-sales-workbench', enabled: true },
  ]);
  const arranged = [
    { type: 'module', id: 'users', enabled: true },
    { type: 'module', id: 'content', enabled: true },
    { type: 'module', id: 'insights', enabled: false },
    { type: 'module', id: 'settings', enabled: true, locked: true },
  ];
  await admin.request(updateSettings({ module_bar: arranged } as any));
  await admin.request(
    createField('complaints', {
      field: 'branch_office',
      type: 'string',
      meta: { translations: [{ language: 'zh-CN', translation: '分支机构' }] },
      schema: {},
    }),
  );
  const [tech] = await admin.request(readPolicies({ filter: { name: { _eq: '技术部' } }, fields: ['id'] }));
  if (!tech) throw new Error('policy 技术部 missing');
  await admin.request(createPermission({ policy: tech.id, collection: 'claim_reports', action: 'read', fields: ['report_no'] } as any));

  // An administrator rearranges a seeded dashboard: the next start must not put it back or add another.
  const [complaintsDashboard] = await admin.request(readDashboards({ filter: { name: { _eq: '投诉管理' } }, fields: ['id'] }));
  const [ledgerPanel] = await admin.request(
    readPanels({ filter: { dashboard: { _eq: complaintsDashboard!.id }, type: { _eq: 'after-sales-complaint-ledger' } }, fields: ['id'] }),
  );
  await admin.request(updatePanel(ledgerPanel!.id, { name: '追踪表（本公司）', height: 50 }));

  const permissionsBefore = await admin.request(
    readPermissions({ limit: -1, fields: ['id', 'policy', 'collection', 'action', 'fields', 'permissions', 'validation'] }),
  );

  await server.restart();
  admin = await asAdmin(server.url);

  const again = await admin.request(readItem('claim_reports', report.id));
  expect(again.report_no).toBe(report.report_no);
  expect(again.insured_name).toBe(report.insured_name);
  expect(await admin.request(readItem('policies', policy.id))).toMatchObject({ policy_no: policy.policy_no });
  expect((await admin.request(readSettings())).project_name).toBe('东方保险代理售后');
  expect((await admin.request(readSettings())).module_bar).toEqual([
    arranged[0],
    arranged[1],
    { type: 'module', id: 'after-sales-workbench', enabled: true },
    { type: 'module', id: 'after-sales-rules', enabled: true },
    arranged[2],
    arranged[3],
  ]);
  const fields = await admin.request(readFieldsByCollection('complaints'));
  expect(fields.map((field: any) => field.field)).toContain('branch_office');
  const kept = await admin.request(
    readPermissions({ filter: { policy: { _eq: tech.id }, collection: { _eq: 'claim_reports' }, action: { _eq: 'read' } } }),
  );
  expect(kept).toHaveLength(1);
  // Applying the access seed again changed nothing: the same cells with the same content.
  const permissionsAfter = await admin.request(
    readPermissions({ limit: -1, fields: ['id', 'policy', 'collection', 'action', 'fields', 'permissions', 'validation'] }),
  );
  expect(permissionsAfter).toEqual(permissionsBefore);

  expect(await admin.request(readDashboards({ filter: { name: { _eq: '投诉管理' } }, fields: ['id'] }))).toHaveLength(1);
  expect(await admin.request(readPanels({ filter: { dashboard: { _eq: complaintsDashboard!.id } }, fields: ['id'] }))).toHaveLength(3);
  expect(await admin.request(readPanel(ledgerPanel!.id))).toMatchObject({ name: '追踪表（本公司）', height: 50 });

  // The counter survived the restart: the next report continues the serial, never reuses it.
  const next = await admin.request(createItem('claim_reports', claimReportPayload(policy.id, { incident_at: '2026-11-21T02:00:00.000Z' })));
  expect(Number(next.report_no.slice(-4))).toBe(Number(report.report_no.slice(-4)) + 1);
});

test('npm start gives every stored ID number and phone its masked copy: rows from before the copies existed, or changed in SQL', async () => {
  const admin = await asAdmin(server.url);
  const id = idNumber();
  const customer = await admin.request(createItem('customers', { name: `升级客户${Date.now()}`, id_number: id, phone: '13812345678' }));
  expect(await admin.request(readItem('customers', customer.id, { fields: ['id_number_masked', 'phone_masked'] }))).toEqual({
    id_number_masked: maskIdNumber(id),
    phone_masked: '138****5678',
  });
  // A field an administrator adds is readable at once by a department whose permissions list fields.
  await admin.request(
    createField('customers', {
      field: 'wechat',
      type: 'string',
      meta: { translations: [{ language: 'zh-CN', translation: '微信号' }] },
      schema: {},
    }),
  );
  await admin.request(updateItem('customers', customer.id, { wechat: 'wx-upgrade' }));
  const quality = await createStaffUser('质量管理部', [], server.url);
  await expect
    .poll(() => quality.client.request(readItem('customers', customer.id, { fields: ['wechat'] })).catch(() => null), { timeout: 10_000 })
    .toEqual({ wechat: 'wx-upgrade' });
  // What a database of the previous release holds (no copy), and a phone changed in SQL behind Directus's back.
  await runStatement(server.env['DB_FILENAME']!, 'update customers set id_number_masked = null, phone = ? where id = ?', [
    '13900001111',
    customer.id,
  ]);

  await server.restart();
  const after = await (
    await asAdmin(server.url)
  ).request(readItem('customers', customer.id, { fields: ['id_number_masked', 'phone_masked'] }));
  expect(after).toEqual({ id_number_masked: maskIdNumber(id), phone_masked: '139****1111' });
});

test('npm start on a database of the release before the scene and survey tasks: their rules arrive, open reports get the clocks, recorded notices their ticks', async () => {
  const admin = await asAdmin(server.url);
  const { policy } = await createPolicyFixture(admin);
  const open = await admin.request(createItem('claim_reports', claimReportPayload(policy.id, { deaths: 1 })));
  // A death reported a day ago (made without clocks here; its death written below, as that release held it): under
  // the new rules its scene and survey notices are long past due.
  const old = await admin.request(
    createItem(
      'claim_reports',
      claimReportPayload(policy.id, {
        deaths: 0,
        incident_at: '2026-11-21T02:00:00.000Z',
        reported_at: new Date(Date.now() - 86_400_000).toISOString(),
      }),
    ),
  );
  const notified = await admin.request(
    createItem('claim_reports', claimReportPayload(policy.id, { deaths: 1, incident_at: '2026-11-22T02:00:00.000Z' })),
  );
  await admin.request(updateItem('claim_reports', notified.id, { scene_protection_notified_at: new Date().toISOString() }));
  // What that release held: no rows for the tasks (nor their ledger entries), no clocks, a notice time without a tick.
  const keys = ['scene_protection', 'survey_request', 'survey_report'];
  const file = server.env['DB_FILENAME']!;
  await runStatement(file, `delete from deadline_rules where key in (${keys.map(() => '?').join(',')})`, keys);
  await runStatement(
    file,
    `delete from config_baseline where key in (${keys.map(() => '?').join(',')})`,
    keys.map((key) => `rule_row:deadline_rules:${key}`),
  );
  await runStatement(file, 'update claim_reports set scene_due_at = null, survey_request_due_at = null where id in (?, ?, ?)', [
    open.id,
    old.id,
    notified.id,
  ]);
  await runStatement(file, 'update claim_reports set scene_protection_notified = 0 where id = ?', [notified.id]);
  await runStatement(file, 'update claim_reports set deaths = 1 where id = ?', [old.id]);

  await server.restart();
  const after = await asAdmin(server.url);
  const rules = await after.request(readItems('deadline_rules', { filter: { key: { _in: keys } }, fields: ['key', 'applies_when'] }));
  expect(rules.map((rule: any) => rule.key).sort()).toEqual([...keys].sort());
  const reread = await after.request(
    readItem('claim_reports', open.id, { fields: ['reported_at', 'scene_due_at', 'survey_request_due_at'] }),
  );
  expect(Date.parse(reread.scene_due_at) - Date.parse(reread.reported_at)).toBe(2 * 3_600_000);
  expect(reread.survey_request_due_at).not.toBeNull();
  expect(await after.request(readItem('claim_reports', notified.id, { fields: ['scene_protection_notified'] }))).toEqual({
    scene_protection_notified: true,
  });
  // No flood: the old report shows its tasks overdue, but the first sweep sends no 催办单 for deadlines that passed
  // before the rules existed (a rule is not retroactive).
  const late = await after.request(readItem('claim_reports', old.id, { fields: ['scene_due_at', 'survey_request_due_at'] }));
  expect(Date.parse(late.scene_due_at)).toBeLessThan(Date.now());
  expect(Date.parse(late.survey_request_due_at)).toBeLessThan(Date.now());
  expect((await callEndpoint(after, 'POST', '/after-sales/sweep', undefined, server.url)).status).toBe(200);
  const urges = await after.request(
    readItems('urge_notices', { filter: { collection: { _eq: 'claim_reports' }, item: { _eq: String(old.id) } }, fields: ['id'] }),
  );
  expect(urges).toEqual([]);
});
