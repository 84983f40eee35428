import { createItem, readDashboards } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, test } from 'vitest';
import { asAdmin, createStaffUser, type Client } from '../helpers/api';
import { browserSession, columnLabels, coveredBy, LEDGER_COLUMNS } from '../helpers/browser';
import { complaintPayload } from '../helpers/fixtures';

// Issue 18 (X-DASH): at 1440 px the on-screen complaint ledger shows every column of the paper form, 已用
// (time used) included, each labelled, none under the sidebar and 已用's text not cut off.
const tag = `台账${randomUUID().slice(0, 6)}`;
const browser = browserSession({ width: 1440, height: 900, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
let admin: Client;
beforeAll(async () => {
  admin = await asAdmin();
  await admin.request(
    createItem(
      'complaints',
      complaintPayload({
        customer_name: `${tag}客户`,
        stage: 'investigating',
        registered_at: new Date(Date.now() - 4 * 86_400_000).toISOString(),
      }),
    ),
  );
});

test('the ledger at 1440 px: 已用 beside 剩余时间, every header labelled, nothing covered or cut off', async () => {
  const gm = await createStaffUser('总经理室');
  const [dashboard] = await admin.request(readDashboards({ filter: { name: { _eq: '投诉管理' } }, fields: ['id'] }));
  const page = await browser.open(gm, `/admin/insights/${dashboard!.id}`);
  const ledger = page.locator('.complaint-ledger');
  await ledger.locator('.filter.customer input').waitFor({ state: 'visible', timeout: 60_000 });
  await ledger.locator('.filter.customer input').fill(`${tag}客户`);
  await ledger.locator('.filter.customer input').press('Enter');
  const row = ledger.locator('tbody tr', { hasText: `${tag}客户` });
  await row.waitFor({ state: 'visible', timeout: 60_000 });

  const headers = ledger.locator('thead th');
  expect(await columnLabels(headers)).toEqual(LEDGER_COLUMNS);
  for (const label of ['已用', '结案日期']) {
    await expect.poll(() => coveredBy(headers.filter({ hasText: label })), { timeout: 30_000 }).toBeNull();
  }

  // Registered four days ago: some working days used, shown whole in its cell.
  // Header and row cells line up one to one (select and spacer cells included).
  const usedIndex = (await headers.allInnerTexts()).findIndex((text) => text.trim() === '已用');
  const used = row.locator('td').nth(usedIndex);
  expect((await used.innerText()).trim()).toMatch(/^\d+ (个工作日|天|小时)$/);
  expect(await used.evaluate((cell) => cell.scrollWidth <= cell.clientWidth)).toBe(true);
  await page.screenshot({ path: `${process.env['SCREENSHOT_DIR'] ?? '/tmp'}/ledger-1440.png` });
  await page.context().close();
}, 300_000);
