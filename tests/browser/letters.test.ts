import { createItem, readItems } from '@directus/sdk';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { asAdmin, createStaffUser } from '../helpers/api';
import { claimReportPayload, createPolicyFixture } from '../helpers/fixtures';
import { browserSession } from '../helpers/browser';

const browser = browserSession({ width: 1400, height: 1100 });

test('a clerk issues the rejection notice from the report form and prints it: one A4 page with the reasons in Chinese', async () => {
  const admin = await asAdmin();
  const { policy } = await createPolicyFixture(admin, { status: 'lapsed', terminated_at: '2026-10-01' });
  const clerk = await createStaffUser('市场部');
  const report = await clerk.client.request(
    createItem('claim_reports', claimReportPayload(policy.id, { incident_cause: 'illness', originals_returned: true })),
  );
  expect(report.rejection_reasons).toEqual(['policy_lapsed', 'cause_not_covered']);

  const page = await browser.open(clerk, `/admin/content/claim_reports/${report.id}`);
  const letters = page.locator('.after-sales-letters');
  const [popup] = await Promise.all([page.waitForEvent('popup'), letters.getByText('出具不予受理通知书').click()]);
  await popup.waitForURL(/\/after-sales\/letters\/\d+\/print/);
  await popup.waitForLoadState('load');
  await letters.getByText('打印').first().waitFor({ state: 'visible' });

  const [issued] = (await admin.request(readItems('letters', { filter: { item: { _eq: String(report.id) } } }))) as any[];
  expect(popup.url()).toContain(`/after-sales/letters/${issued.id}/print`);
  expect(await popup.content()).toContain(issued.letter_no);

  const artifacts = path.resolve(__dirname, '..', '.artifacts');
  mkdirSync(artifacts, { recursive: true });
  const pdf = path.join(artifacts, 'rejection-notice.pdf');
  await popup.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(info).toMatch(/Pages:\s+1\n/);
  expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const expected of ['不予受理通知书', '保单已失效或终止', '出险原因不属保障范围', report.report_no, policy.policy_no])
    expect(text).toContain(expected);
  await page.close();
});

test('a clerk prints the 材料补充通知书 from the claim application: one A4 page listing what the customer still has to bring', async () => {
  const admin = await asAdmin();
  const { policy } = await createPolicyFixture(admin);
  const clerk = await createStaffUser('市场部');
  const report = await clerk.client.request(createItem('claim_reports', claimReportPayload(policy.id)));
  const application = await clerk.client.request(
    createItem('claim_applications', { claim_report: report.id, claim_type: 'medical', applicant_name: '李四' }),
  );

  const page = await browser.open(clerk, `/admin/content/claim_applications/${application.id}`);
  await page.getByText('指导填写理赔申请书').first().waitFor({ state: 'visible' });
  const letters = page.locator('.after-sales-letters');
  const [popup] = await Promise.all([page.waitForEvent('popup'), letters.getByText('出具材料补充通知书').click()]);
  await popup.waitForURL(/\/after-sales\/letters\/\d+\/print/);
  await popup.waitForLoadState('load');

  const artifacts = path.resolve(__dirname, '..', '.artifacts');
  mkdirSync(artifacts, { recursive: true });
  const pdf = path.join(artifacts, 'missing-documents-notice.pdf');
  await popup.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  expect(info).toMatch(/Pages:\s+1\n/);
  expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const expected of [
    '材料补充通知书',
    application.application_no,
    report.report_no,
    '理赔申请书',
    '门急诊病史',
    '检（化）验资料',
    '住院收据原件',
  ])
    expect(text).toContain(expected);
  await page.close();
});
