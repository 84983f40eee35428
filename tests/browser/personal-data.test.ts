import { createItem, readItem } from '@directus/sdk';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { asAdmin, baseUrl, createStaffUser } from '../helpers/api';
import { launchBrowser, saveForm, signIn } from '../helpers/browser';
import { claimReportPayload } from '../helpers/fixtures';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

test('总经理室 sees the reporter phone masked in the form, and saving the form keeps the real number', async () => {
  const admin = await asAdmin();
  const phone = `139${String(Date.now()).slice(-8)}`;
  const report = await admin.request(createItem('claim_reports', claimReportPayload(null, { insured_name: `隐私浏览${Date.now()}`, reporter_phone: phone })));
  const gm = await createStaffUser('总经理室');

  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await signIn(page, baseUrl(), gm.email, gm.password);
  await page.goto(`${baseUrl()}/admin/content/claim_reports/${report.id}`);
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  const inputValues = () => page.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  await expect.poll(inputValues, { timeout: 90_000, interval: 1000 }).toContain(masked);
  expect(await inputValues()).not.toContain(phone);
  expect(await page.content()).not.toContain(phone);

  // Edit another field of the form (the place), found by the value it shows.
  const placeIndex = (await inputValues()).indexOf(report.incident_place);
  expect(placeIndex).toBeGreaterThanOrEqual(0);
  await page.locator('input').nth(placeIndex).fill('上海市长宁区');
  await saveForm(page);
  const stored = () => admin.request(readItem('claim_reports', report.id, { fields: ['reporter_phone', 'incident_place'] }));
  await expect.poll(stored, { timeout: 60_000, interval: 1000 }).toEqual({ reporter_phone: phone, incident_place: '上海市长宁区' });
  await page.close();
});
