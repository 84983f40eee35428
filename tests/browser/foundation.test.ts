import { readItems } from '@directus/sdk';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, baseUrl, createStaffUser, type StaffUser } from '../helpers/api';
import { browserSession, fillText, formField, saveForm } from '../helpers/browser';
import { ADMIN } from '../helpers/test-server';

const browser = browserSession();

let clerk: StaffUser;

beforeAll(async () => {
  clerk = await createStaffUser('市场部');
});

async function expectNoOwnerDialog(page: Page) {
  await page.waitForTimeout(1500);
  await expect(page.locator('.v-dialog', { hasText: /所有者|项目负责人|Project Owner|licen/i }).count()).resolves.toBe(0);
}

describe('the console in a real browser', () => {
  test('the administrator signs in and meets no owner/licence dialog; navigation is Chinese', async () => {
    const page = await browser.open(ADMIN);
    await expectNoOwnerDialog(page);
    // An administrator returns to the page they left (another test may have left them in 规则管理).
    await page.goto(`${baseUrl()}/admin/content`);
    await expectNoOwnerDialog(page);
    const nav = page.locator('.module-nav, nav').first();
    for (const name of ['理赔', '报案登记', '投诉', '客户抱怨处理表', '基础数据', '规则配置']) {
      await nav.getByText(name, { exact: true }).first().waitFor({ state: 'visible' });
    }
    await page.close();
  });

  test('a 市场部 clerk opens 报案登记 and finds Chinese labels and choice labels', async () => {
    const page = await browser.open(clerk);
    await expectNoOwnerDialog(page);
    await page.goto(`${baseUrl()}/admin/content/claim_reports/+`);
    await page.waitForSelector('text=出险情况');
    for (const label of ['报案方式', '被保险人姓名', '出险时间', '出险原因', '报案人姓名', '与出险人关系']) {
      await expect(formField(page, label).count(), label).resolves.toBe(1);
    }
    await formField(page, '报案方式').locator('.interface .v-input, .interface button').first().click();
    const options = await page.locator('.v-menu-content .v-list-item').allInnerTexts();
    expect(options.map((text) => text.trim())).toEqual(expect.arrayContaining(['电话', '上门', '传真', '书信']));
    await page.keyboard.press('Escape');
    await page.close();
  });

  test('the clerk fills in 客户抱怨处理表 in the form and saves it', async () => {
    const page = await browser.open(clerk, '/admin/content/complaints');
    await page.getByText('客户抱怨处理表').first().waitFor({ state: 'visible' });
    await page.goto(`${baseUrl()}/admin/content/complaints/+`);
    await page.waitForSelector('text=客户反映（市场部填写）');
    const customer = `浏览器客户${Date.now()}`;
    await fillText(page, '客户姓名', customer);
    await fillText(page, '客户要求', '要求退还多收的保费');
    await fillText(page, '投诉理由', '续保时多收了保费');
    await fillText(page, '市场部意见', '核实后属实');
    // 处理阶段 is read-only in the form (stages change through 办理): a new complaint is saved as 草稿.
    await saveForm(page);
    await page.waitForURL((url) => !url.pathname.endsWith('/+'), { timeout: 20_000 });

    const admin = await asAdmin();
    const saved = await admin.request(
      readItems('complaints', { filter: { customer_name: { _eq: customer } }, fields: ['stage', 'demand', 'user_created'] }),
    );
    expect(saved).toEqual([{ stage: 'draft', demand: '要求退还多收的保费', user_created: clerk.id }]);
    // The saved list shows the Chinese choice label, not the key.
    await page.goto(`${baseUrl()}/admin/content/complaints`);
    await page.locator('table').getByText('草稿').first().waitFor({ state: 'visible' });
    await page.close();
  });
});
