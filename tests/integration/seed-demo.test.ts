import { readItems, readMe, updateItem } from '@directus/sdk';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { asAdmin, baseUrl, loginAs } from '../helpers/api';
import { ADMIN } from '../helpers/test-server';

const root = path.resolve(__dirname, '..', '..');

test('npm run seed:demo loads demo data and one working login per role and approval level', async () => {
  const env = {
    ...process.env,
    DEMO_URL: baseUrl(),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    CONFIG_PATH: '/nonexistent/.env',
  };
  const first = spawnSync(process.execPath, [path.join(root, 'scripts', 'seed-demo.mjs')], { env, encoding: 'utf8' });
  expect(first.status, first.stderr).toBe(0);
  expect(first.stdout).toContain('演示数据已加载');

  const admin = await asAdmin();
  const year = new Date().getFullYear();
  const policies = await admin.request(
    readItems('policies', { filter: { policy_no: { _in: [`PA${year}0001`, `PA${year - 1}0004`, `CL${year}0006`] } }, fields: ['status'] }),
  );
  expect(policies.map((p: any) => p.status).sort()).toEqual(['in_force', 'lapsed', 'surrendered']);
  const wangs = await admin.request(readItems('customers', { filter: { name: { _eq: '王芳' } } }));
  expect(wangs).toHaveLength(2);

  for (const [email, role] of [
    ['market@example.com', '市场部'],
    ['ops@example.com', '运营部'],
    ['gm@example.com', '总经理室'],
    ['tech@example.com', '技术部'],
    ['quality@example.com', '质量管理部'],
    ['market.manager@example.com', '市场部'],
    ['gm.deputy@example.com', '总经理室'],
    ['gm.chief@example.com', '总经理室'],
  ] as const) {
    const client = await loginAs(email, 'Demo@12345');
    const me = await client.request(readMe({ fields: ['role.name'] as any }));
    expect((me as any).role.name, email).toBe(role);
  }

  // K-RESPONSIBLE: one 部门主管 per department; the market's head confirms the penalty the demo proposes.
  for (const [email, role] of [
    ['market.head@example.com', '市场部'],
    ['ops.head@example.com', '运营部'],
    ['gm.head@example.com', '总经理室'],
    ['tech.head@example.com', '技术部'],
    ['quality.head@example.com', '质量管理部'],
  ] as const) {
    const client = await loginAs(email, 'Demo@12345');
    const me = await client.request(readMe({ fields: ['role.name'] as any }));
    expect((me as any).role.name, email).toBe(role);
  }
  const head = await loginAs('market.head@example.com', 'Demo@12345');
  const [pending] = (await head.request(readItems('responsible_persons', { filter: { person_name: { _eq: '林小市' } } }))) as any[];
  expect(pending).toMatchObject({ department: 'market', confirmation: 'pending', penalty_type: 'warning' });
  const confirmed = await head.request(updateItem('responsible_persons', pending.id, { confirmation: 'confirmed' }));
  expect(confirmed.confirmation).toBe('confirmed');
  const clerk = await loginAs('market@example.com', 'Demo@12345');
  const measures = await clerk.request(readItems('improvement_measures', { fields: ['measure', 'status'] }));
  expect(measures).toContainEqual({ measure: '客服话术培训并考核', status: 'open' });

  const again = spawnSync(process.execPath, [path.join(root, 'scripts', 'seed-demo.mjs')], { env, encoding: 'utf8' });
  expect(again.status).toBe(0);
  expect(again.stdout).toContain('未重复加载');
  expect(await admin.request(readItems('customers', { filter: { name: { _eq: '王芳' } } }))).toHaveLength(2);
});
