import { createItem, updateItem } from '@directus/sdk';
import type { Locator } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { asAdmin, createStaffUser, failure, type Client } from '../helpers/api';
import { browserSession, formField } from '../helpers/browser';
import { claimReportPayload, createPolicyFixture } from '../helpers/fixtures';
import { ADMIN } from '../helpers/test-server';

// Issue 18: a field a role may not write looks read-only in its form in every collection, not only
// complaints, and the API still refuses it; the form and the refusal come from the same list.
/** Directus draws a field the user may not write disabled (its interface gets `disabled`). */
const readOnly = async (field: Locator) => (await field.locator('.interface .disabled, .interface [disabled]').count()) > 0;

const browser = browserSession({ width: 1440, height: 900, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

let admin: Client;
let applicationId: number;
beforeAll(async () => {
  admin = await asAdmin();
  const { policy } = await createPolicyFixture(admin);
  const report = await admin.request(createItem('claim_reports', claimReportPayload(policy.id)));
  const application = await admin.request(
    createItem('claim_applications', { claim_report: report.id, claim_type: 'medical', applicant_name: '李四' }),
  );
  applicationId = application.id;
});

test('报案时间 is read-only in the 市场部 clerk’s new report and refused over the API; editable for an administrator', async () => {
  const clerk = await createStaffUser('市场部');
  const page = await browser.open(clerk, '/admin/content/claim_reports/+');
  const reportedAt = formField(page, '报案时间');
  await reportedAt.waitFor({ state: 'visible', timeout: 60_000 }).catch(async (error) => {
    await page.screenshot({ path: '/tmp/read-only-report.png' });
    throw error;
  });
  await expect.poll(() => readOnly(reportedAt), { timeout: 30_000 }).toBe(true);
  expect(await formField(page, '被保险人姓名').locator('input').isEditable()).toBe(true);
  await page.context().close();

  const refused = await failure(
    clerk.client.request(createItem('claim_reports', claimReportPayload(null, { reported_at: '2026-11-20T03:00:00.000Z' }))),
  );
  expect(refused.status).toBe(403);
  expect(refused.message).toContain('报案时间');

  const adminPage = await browser.open(ADMIN, '/admin/content/claim_reports/+');
  const adminField = formField(adminPage, '报案时间');
  await adminField.waitFor({ state: 'visible', timeout: 60_000 });
  expect(await adminField.locator('input').isEditable()).toBe(true);
  await adminPage.context().close();
}, 300_000);

test('材料齐全时间 and 移交时间 are read-only in 运营部’s claim application and refused over the API', async () => {
  const ops = await createStaffUser('运营部');
  const page = await browser.open(ops, `/admin/content/claim_applications/${applicationId}`);
  const handedOver = formField(page, '移交时间');
  await handedOver.waitFor({ state: 'visible', timeout: 60_000 });
  await expect.poll(() => readOnly(handedOver), { timeout: 30_000 }).toBe(true);
  expect(await readOnly(formField(page, '材料齐全时间'))).toBe(true);
  expect(await formField(page, '申请人姓名').locator('input').isEditable()).toBe(true);
  await page.context().close();

  const refused = await failure(
    ops.client.request(updateItem('claim_applications', applicationId, { handed_over_at: '2026-11-20T03:00:00.000Z' })),
  );
  expect(refused.status).toBe(403);
  expect(refused.message).toContain('移交时间');
}, 300_000);
