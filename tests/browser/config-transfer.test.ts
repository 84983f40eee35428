import { deleteItems, readItems } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import { stringify } from 'yaml';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { asAdmin, type Client } from '../helpers/api';
import { browserSession } from '../helpers/browser';
import { ADMIN } from '../helpers/test-server';

// Issue 17: the administrator pastes another console's configuration in 规则管理 → 配置导入导出, previews
// what it changes, and imports it.
const code = `PB${randomUUID().slice(0, 6).toUpperCase()}`;
const browser = browserSession({ width: 1440, height: 900, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
let admin: Client;
beforeAll(async () => {
  admin = await asAdmin();
});
afterAll(async () => {
  await admin.request(deleteItems('penalty_standards', { filter: { code: { _eq: code } } }));
});

test('规则管理 → 配置导入导出: paste, preview the changes, import', async () => {
  const page = await browser.open(ADMIN, '/admin/after-sales-rules/config');
  const yaml = stringify({
    format: 'after-sales-config',
    version: 1,
    tables: { penalty_standards: { key: ['code'], rows: [{ code, name: '界面导入的情形', loss_amount: 50, penalty_type: 'warning' }] } },
  });
  await page.locator('.config-transfer textarea').fill(yaml);
  await page.locator('.config-transfer .check').click();
  const preview = page.locator('.config-transfer .preview');
  await preview.waitFor({ state: 'visible', timeout: 60_000 });
  expect(await preview.locator('.summary').innerText()).toContain('将新增 1 行');
  expect(await preview.locator('.change .title').first().innerText()).toBe(`罚扣判定基准「${code}」新增`);
  // The preview wrote nothing.
  expect(await admin.request(readItems('penalty_standards', { filter: { code: { _eq: code } } }))).toEqual([]);

  await page.locator('.config-transfer .apply').click();
  await page.locator('.config-transfer .done').waitFor({ state: 'visible', timeout: 60_000 });
  expect(await page.locator('.config-transfer .done').innerText()).toContain('已导入：新增 1 行');
  expect(await admin.request(readItems('penalty_standards', { filter: { code: { _eq: code } }, fields: ['name'] }))).toEqual([
    { name: '界面导入的情形' },
  ]);
  await page.context().close();
}, 300_000);
