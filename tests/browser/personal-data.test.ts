import { createItem, readItem } from '@directus/sdk';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { asAdmin, createStaffUser } from '../helpers/api';
import { browserSession, formField, saveForm } from '../helpers/browser';
import { claimReportPayload, idNumber } from '../helpers/fixtures';

const browser = browserSession();

const inputValues = (page: Page) => page.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
const visibleLabels = (page: Page) =>
  page
    .locator('.field .field-label .v-text-overflow')
    .evaluateAll((labels) =>
      labels.filter((label) => (label as HTMLElement).offsetParent !== null).map((label) => label.textContent?.trim() ?? ''),
    );

test('总经理室 sees the reporter phone masked where the phone would be, its history does not break the form, and saving keeps the real number', async () => {
  const admin = await asAdmin();
  const phone = `139${String(Date.now()).slice(-8)}`;
  const report = await admin.request(
    createItem('claim_reports', claimReportPayload(null, { insured_name: `隐私浏览${Date.now()}`, reporter_phone: phone })),
  );
  const gm = await createStaffUser('总经理室');

  const page = await browser.open(gm, `/admin/content/claim_reports/${report.id}`);
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  await expect.poll(() => inputValues(page), { timeout: 90_000, interval: 1000 }).toContain(masked);
  expect(await inputValues(page)).not.toContain(phone);
  expect(await page.content()).not.toContain(phone);
  // The masked copy sits where the full number is for other departments: between the reporter's name and address.
  const labels = await visibleLabels(page);
  const at = labels.indexOf('报案人电话（打码）');
  expect(labels.slice(at - 1, at + 2)).toEqual(['报案人姓名', '报案人电话（打码）', '报案人联系地址']);
  expect(labels).not.toContain('报案人电话');

  // The revisions sidebar: this department reads no claim-report history directly; the form stays as it is.
  await page.getByText('修订版本', { exact: true }).first().click();
  await page.waitForTimeout(1500);
  expect(
    await page
      .locator('.notification, .v-notice.danger')
      .filter({ hasText: /错误|失败|权限/ })
      .count(),
  ).toBe(0);
  expect(await page.content()).not.toContain(phone);
  expect(await inputValues(page)).toContain(masked);

  // Edit another field of the form (the place), found by the value it shows.
  const placeIndex = (await inputValues(page)).indexOf(report.incident_place);
  expect(placeIndex).toBeGreaterThanOrEqual(0);
  await page.locator('input').nth(placeIndex).fill('上海市长宁区');
  await saveForm(page);
  const stored = () => admin.request(readItem('claim_reports', report.id, { fields: ['reporter_phone', 'incident_place'] }));
  await expect.poll(stored, { timeout: 60_000, interval: 1000 }).toEqual({ reporter_phone: phone, incident_place: '上海市长宁区' });
  await page.close();
});

test('市场部 sees the full number and no masked copy; 总经理室’s customer list shows the masked columns', async () => {
  const admin = await asAdmin();
  const phone = `137${String(Date.now()).slice(-8)}`;
  const id = idNumber();
  const name = `列表客户${Date.now()}`;
  const customer = await admin.request(createItem('customers', { name, id_number: id, phone }));

  const market = await createStaffUser('市场部');
  const page = await browser.open(market, `/admin/content/customers/${customer.id}`);
  await expect.poll(() => inputValues(page), { timeout: 90_000, interval: 1000 }).toContain(phone);
  expect(await inputValues(page)).toContain(id);
  expect(await formField(page, '联系电话（打码）').isVisible()).toBe(false);
  expect(await formField(page, '身份证号（打码）').isVisible()).toBe(false);
  await page.close();

  const gm = await createStaffUser('总经理室');
  const list = await browser.open(gm, `/admin/content/customers?search=${encodeURIComponent(name)}`);
  const row = list.locator('tr, .row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 90_000 });
  const rowText = await row.innerText();
  expect(rowText).toContain(`${id.slice(0, 3)}***********${id.slice(-4)}`);
  expect(rowText).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  expect(await list.content()).not.toContain(id);
  expect(await list.content()).not.toContain(phone);
  await list.close();
});
