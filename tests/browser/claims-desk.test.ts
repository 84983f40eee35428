import { readItems, updateItem } from '@directus/sdk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { asAdmin, baseUrl, createStaffUser } from '../helpers/api';
import { chooseOption, chooseRelated, fieldShows, fillText, launchBrowser, saveForm, setDateTimeToNow, signIn } from '../helpers/browser';
import { createPolicyFixture } from '../helpers/fixtures';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

test('a clerk registers a report on a lapsed policy in the admin UI and sees 不予受理 with the reason in Chinese', async () => {
  const admin = await asAdmin();
  const { policy } = await createPolicyFixture(admin, { status: 'lapsed', terminated_at: '2026-10-01' });
  const clerk = await createStaffUser('市场部');
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  await signIn(page, baseUrl(), clerk.email, clerk.password);
  await page.goto(`${baseUrl()}/admin/content/claim_reports/+`);
  await page.waitForSelector('text=出险情况');

  const reporter = `报案人${Date.now()}`;
  await chooseOption(page, '报案方式', '电话');
  await chooseRelated(page, '保单', policy.policy_no);
  await fillText(page, '被保险人姓名', '李四');
  await setDateTimeToNow(page, '出险时间');
  await fillText(page, '出险地点', '上海市静安区南京西路');
  await chooseOption(page, '出险原因', '意外事故');
  await fillText(page, '出险经过', '下楼梯时摔倒');
  await fillText(page, '报案人姓名', reporter);
  await fillText(page, '报案人电话', '13812345678');
  await fillText(page, '与出险人关系', '本人');
  await saveForm(page);
  await page.waitForURL((url) => !url.pathname.endsWith('/+'), { timeout: 20_000 });

  const [saved] = await admin.request(readItems('claim_reports', { filter: { reporter_name: { _eq: reporter } }, fields: ['id', 'status', 'rejection_reasons', 'policy'] }));
  expect(saved).toMatchObject({ status: 'not_accepted', rejection_reasons: ['policy_lapsed'], policy: policy.id });

  await page.goto(`${baseUrl()}/admin/content/claim_reports/${saved!.id}`);
  await page.waitForSelector('text=初步审核');
  expect(await fieldShows(page, '受理状态')).toContain('不予受理');
  expect(await fieldShows(page, '不予受理原因')).toContain('保单已失效或终止');
  await page.close();
});

test('the report form shows the standard wording (话术) from the table, and an administrator\'s edit shows up', async () => {
  const admin = await asAdmin();
  const clerk = await createStaffUser('市场部');
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  await signIn(page, baseUrl(), clerk.email, clerk.password);
  await page.goto(`${baseUrl()}/admin/content/claim_reports/+`);
  const guidance = page.locator('.after-sales-guidance');
  await guidance.getByText('接报案开场').waitFor({ state: 'visible' });
  expect(await guidance.innerText()).toContain('请依次询问：保单号码、险种名称、被保险人姓名');
  expect(await guidance.innerText()).not.toContain('现场保全提示');

  const [greeting] = (await admin.request(readItems('guidance_texts', { filter: { key: { _eq: 'report_greeting' } }, fields: ['id', 'content'] }))) as any[];
  const edited = '您好，欢迎致电东方保险代理客户服务部，请问有什么可以帮您？';
  await admin.request(updateItem('guidance_texts', greeting.id, { content: edited }));
  try {
    await page.reload();
    await guidance.getByText(edited).waitFor({ state: 'visible' });
  } finally {
    await admin.request(updateItem('guidance_texts', greeting.id, { content: greeting.content }));
  }
  await page.close();
});
