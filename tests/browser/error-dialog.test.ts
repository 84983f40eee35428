import { createItem } from '@directus/sdk';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { asAdmin, createStaffUser } from '../helpers/api';
import { browserSession, chooseOption, chooseRelated, fillText, formField, saveForm, setDateTimeToNow } from '../helpers/browser';
import { claimReportPayload, complaintPayload, createPolicyFixture } from '../helpers/fixtures';

const browser = browserSession({ width: 1400, height: 1100 });

// X-ZH: the admin app titles the dialog of a refused save with the translation string
// `errors.<code>`; without one it shows the raw key (`errors.AFTER_SALES_DUPLICATE_REPORT`).
// The app's error box (v-error) prints `[CODE] message`; the bundle's app code leaves the message alone.
test('a clerk saving a duplicate report sees a Chinese dialog title and message, no error key', async () => {
  const admin = await asAdmin();
  const year = new Date().getUTCFullYear();
  const { policy } = await createPolicyFixture(admin, { start_date: `${year - 1}-01-01`, end_date: `${year + 1}-12-31` });
  const clerk = await createStaffUser('市场部');
  const first = await clerk.client.request(
    createItem('claim_reports', claimReportPayload(policy.id, { incident_at: new Date(Date.now() - 1_000).toISOString() })),
  );
  expect(first.status).toBe('registered');

  const page = await browser.open(clerk, '/admin/content/claim_reports/+');
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
  // The message as written, without the `[AFTER_SALES_…]` the app prints before it.
  expect((await dialog.locator('.v-error output').innerText()).trim()).toMatch(/^该保单 .*不能重复登记/);
  expect((await page.locator('.v-card.error').allInnerTexts()).join('\n')).not.toContain('errors.');
  expect(page.url()).toMatch(/\/claim_reports\/\+$/);
  await page.close();
});

/** The error dialog that says `text`: its title and its message as the clerk reads them. */
async function errorDialog(page: Page, text: string): Promise<{ title: string; message: string; all: string }> {
  const dialog = page.locator('.v-card.error').filter({ hasText: text }).first();
  await dialog.waitFor({ state: 'visible', timeout: 20_000 });
  return {
    title: (await dialog.locator('.v-card-title').innerText()).trim(),
    message: (await dialog.locator('.v-error output').innerText()).trim(),
    all: await dialog.innerText(),
  };
}

test.each([
  {
    name: 'text over the length limit (AFTER_SALES_INVALID_INPUT)',
    complaint: {},
    edit: async (page: Page) => fillText(page, '客户要求', '长'.repeat(10_001)),
    says: '太长',
    title: '填写的内容不符合规则',
    starts: '“客户要求”',
  },
  {
    name: 'a clerk ticking 主管已核阅 (AFTER_SALES_WORKFLOW_FORBIDDEN)',
    complaint: { stage: 'negotiating', offer_amount: 500, gm_opinion: '同意' },
    edit: async (page: Page) => formField(page, '主管已核阅').locator('.interface .v-checkbox, .interface button').first().click(),
    says: '主管已核阅',
    title: '无权办理这一步',
    starts: '“主管已核阅”须由',
  },
])(
  '$name: Chinese title, the message without its code',
  async ({ complaint, edit, says, title, starts }) => {
    const admin = await asAdmin();
    const clerk = await createStaffUser('市场部');
    const stored = await admin.request(createItem('complaints', complaintPayload({ customer_name: '对话框测试', ...complaint })));
    const page = await browser.open(clerk, `/admin/content/complaints/${stored.id}`);
    await formField(page, '客户要求').waitFor({ state: 'visible', timeout: 60_000 });
    await edit(page);
    await saveForm(page);
    const dialog = await errorDialog(page, says);
    expect(dialog.title).toBe(title);
    expect(dialog.message.startsWith(starts), dialog.message).toBe(true);
    expect(dialog.all).not.toMatch(/\[[A-Z_]+\]|errors\.|AFTER_SALES/);
    await page.close();
  },
  300_000,
);
