import { createItem } from '@directus/sdk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { asAdmin, baseUrl, createStaffUser } from '../helpers/api';
import { chooseOption, chooseRelated, fillText, launchBrowser, saveForm, setDateTimeToNow, signIn } from '../helpers/browser';
import { claimReportPayload, createPolicyFixture } from '../helpers/fixtures';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

// X-ZH: the admin app titles the dialog of a refused save with the translation string
// `errors.<code>`; without one it shows the raw key (`errors.AFTER_SALES_DUPLICATE_REPORT`).
// The `[AFTER_SALES_…]` before the message is the app's own error box (v-error), not our message.
test('a clerk saving a duplicate report sees a Chinese dialog title and message, no error key', async () => {
  const admin = await asAdmin();
  const year = new Date().getUTCFullYear();
  const { policy } = await createPolicyFixture(admin, { start_date: `${year - 1}-01-01`, end_date: `${year + 1}-12-31` });
  const clerk = await createStaffUser('市场部');
  const first = await clerk.client.request(createItem('claim_reports', claimReportPayload(policy.id, { incident_at: new Date(Date.now() - 1_000).toISOString() })));
  expect(first.status).toBe('registered');

  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  await signIn(page, baseUrl(), clerk.email, clerk.password);
  await page.goto(`${baseUrl()}/admin/content/claim_reports/+`);
  await page.waitForSelector('text=出险情况');
  await chooseOption(page, '报案方式', '电话');
  await chooseRelated(page, '保单', policy.policy_no);
  await fillText(page, '被保险人姓名', '李四');
  await setDateTimeToNow(page, '出险时间');
  await fillText(page, '出险地点', '上海市徐汇区漕溪北路');
  await chooseOption(page, '出险原因', '意外事故');
  await fillText(page, '出险经过', '同一事故再次来电');
  await fillText(page, '报案人姓名', '王五');
  await fillText(page, '报案人电话', '13700000000');
  await fillText(page, '与出险人关系', '配偶');
  await saveForm(page);

  const dialog = page.locator('.v-card.error').filter({ hasText: '不能重复登记' }).first();
  await dialog.waitFor({ state: 'visible', timeout: 20_000 });
  const title = (await dialog.locator('.v-card-title').innerText()).trim();
  expect(title).toBe('重复报案');
  expect(await dialog.innerText()).toContain(`已有报案 ${first.report_no}`);
  expect(await dialog.innerText()).not.toMatch(/[（(][a-z]+(_[a-z]+)*[）)]/);
  expect((await page.locator('.v-card.error').allInnerTexts()).join('\n')).not.toContain('errors.');
  expect(page.url()).toMatch(/\/claim_reports\/\+$/);
  await page.close();
});
