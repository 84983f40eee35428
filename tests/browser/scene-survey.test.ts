import { createItem, readItem, readItems, updateItem } from '@directus/sdk';
import type { Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { asAdmin, baseUrl, createStaffUser } from '../helpers/api';
import { browserSession, fieldShows, fillText, formField, formLoaded, saveForm } from '../helpers/browser';
import { claimReportPayload, createPolicyFixture } from '../helpers/fixtures';

// C-SCENE / C-SURVEY in the admin UI: the scene and survey notices of a death report wait in the clerk's 工作台,
// the clerk ticks them on the report form, and they leave the 工作台 with their clocks stopped (read back over
// the API). The 现场保全 wording beside 死亡人数 follows the scene rule's 适用条件, the same data as the clock.
const browser = browserSession({ width: 1400, height: 1100 });

const openWorkbench = async (page: Page) => {
  await page.goto(`${baseUrl()}/admin/after-sales-workbench`);
  await page.locator('.work-entry').first().waitFor({ state: 'visible' });
};
const entry = (page: Page, kind: string, id: number) => page.locator(`.work-entry[data-key="${kind}:${id}"]`);
const tick = async (page: Page, label: string) => {
  const box = formField(page, label).locator('.v-checkbox');
  await box.click();
  await expect.poll(() => box.getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('true');
};

test('a clerk ticks the scene and survey notices of a death report from the 工作台; they leave it, their clocks stopped', async () => {
  const admin = await asAdmin();
  const clerk = await createStaffUser('市场部');
  const tag = `现场${randomUUID().slice(0, 6)}`;
  const { policy } = await createPolicyFixture(admin);
  const report = await clerk.client.request(createItem('claim_reports', claimReportPayload(policy.id, { deaths: 1, insured_name: tag })));

  const page = await browser.open(clerk);
  await openWorkbench(page);
  await entry(page, 'scene_protection', report.id).waitFor({ state: 'visible' });
  expect(await entry(page, 'scene_protection', report.id).innerText()).toContain('通知报案人保护现场');
  expect(await entry(page, 'survey_request', report.id).innerText()).toContain('通知承保公司查勘');
  expect(await entry(page, 'survey_report', report.id).count()).toBe(0);

  // The entry opens the report; the wording and the staff prompt stand beside 死亡人数, the ticks under 现场保全与查勘.
  await entry(page, 'scene_protection', report.id).click();
  await page.waitForURL(new RegExp(`/admin/content/claim_reports/${report.id}$`));
  await formLoaded(page);
  await formField(page, '现场保全话术').getByText('请您注意保护好事故现场').waitFor({ state: 'visible' });
  expect(await formField(page, '现场保全提示').innerText()).toContain('通知后在“现场保全与查勘”中勾选');
  expect(await formField(page, '已通知报案人保护现场').innerText()).toContain('勾选后由系统记录时间和经办人，不能撤销');
  await tick(page, '已通知报案人保护现场');
  await tick(page, '已通知承保公司查勘');
  await saveForm(page);
  // Saving an item goes back to the list (Directus's save and quit).
  await page.waitForURL((url) => !url.pathname.endsWith(`/${report.id}`), { timeout: 30_000 });

  const stored = () =>
    admin.request(
      readItem('claim_reports', report.id, {
        fields: [
          'scene_protection_notified',
          'scene_protection_notified_by',
          'scene_protection_notified_at',
          'scene_due_at',
          'insurer_survey_notified',
          'insurer_survey_notified_by',
          'survey_status',
          'survey_report_due_at',
          'survey_report_received',
          'survey_report_received_by',
          'survey_notes',
        ],
      }),
    );
  await expect.poll(async () => (await stored()).insurer_survey_notified, { timeout: 30_000 }).toBe(true);
  const notified = await stored();
  expect(notified).toMatchObject({
    scene_protection_notified: true,
    scene_protection_notified_by: clerk.id,
    insurer_survey_notified_by: clerk.id,
    survey_status: 'requested',
  });
  // The stopped clock keeps its due time; the survey report is now awaited on a clock of its own.
  expect(notified.scene_due_at).toBe(report.scene_due_at);
  expect(notified.survey_report_due_at).not.toBeNull();
  // The form shows who gave the notice and when (times as 2026-12-05 14:20).
  await page.goto(`${baseUrl()}/admin/content/claim_reports/${report.id}`);
  expect(await fieldShows(page, '通知保护现场人')).toContain('市场部测试员');
  expect(await fieldShows(page, '通知保护现场时间')).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  expect(await fieldShows(page, '查勘状态')).toContain('已通知呈报机构');

  await openWorkbench(page);
  await entry(page, 'survey_report', report.id).waitFor({ state: 'visible' });
  expect(await entry(page, 'survey_report', report.id).innerText()).toContain('跟进查勘报告');
  expect(await entry(page, 'scene_protection', report.id).count()).toBe(0);
  expect(await entry(page, 'survey_request', report.id).count()).toBe(0);

  // The insurer's survey report arrives: ticked with a note, the last task leaves the 工作台.
  await entry(page, 'survey_report', report.id).click();
  await page.waitForURL(new RegExp(`/admin/content/claim_reports/${report.id}$`));
  await formLoaded(page);
  await tick(page, '已收到查勘报告');
  await fillText(page, '查勘记录', '承保公司已出具查勘报告，认定意外身故');
  await saveForm(page);
  await page.waitForURL((url) => !url.pathname.endsWith(`/${report.id}`), { timeout: 30_000 });
  await expect.poll(async () => (await stored()).survey_report_received, { timeout: 30_000 }).toBe(true);
  expect(await stored()).toMatchObject({
    survey_report_received_by: clerk.id,
    survey_status: 'done',
    survey_notes: '承保公司已出具查勘报告，认定意外身故',
  });
  await openWorkbench(page);
  const left = await page
    .locator(`.work-entry[data-key$=":${report.id}"]`)
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-key')));
  expect(left.filter((key) => /^(scene_protection|survey_request|survey_report):/.test(key ?? ''))).toEqual([]);
  await page.close();
}, 300_000);

test("the 现场保全 wording follows the scene rule's 适用条件: raised to 2 deaths, one death shows none", async () => {
  const admin = await asAdmin();
  const clerk = await createStaffUser('市场部');
  const [rule] = (await admin.request(
    readItems('deadline_rules', { filter: { key: { _eq: 'scene_protection' } }, fields: ['id', 'applies_when'] }),
  )) as { id: number; applies_when: unknown }[];
  if (!rule) throw new Error('deadline rule scene_protection missing');
  const page = await browser.open(clerk, '/admin/content/claim_reports/+');
  // A new page's first render on a loaded machine can take over a minute.
  await page.locator('.after-sales-guidance').getByText('接报案开场').waitFor({ state: 'visible', timeout: 120_000 });
  // Nobody died: neither the wording nor its label takes room in the form.
  expect(await formField(page, '现场保全话术').isVisible()).toBe(false);
  await fillText(page, '死亡人数', '1');
  await formField(page, '现场保全话术').getByText('请您注意保护好事故现场').waitFor({ state: 'visible' });

  await admin.request(updateItem('deadline_rules', rule.id, { applies_when: { deaths: { _gte: 2 } } }));
  try {
    await page.reload();
    await page.locator('.after-sales-guidance').getByText('接报案开场').waitFor({ state: 'visible' });
    await fillText(page, '死亡人数', '1');
    await page.waitForTimeout(500);
    expect(await formField(page, '现场保全话术').isVisible()).toBe(false);
    expect(await formField(page, '现场保全提示').isVisible()).toBe(false);
    await fillText(page, '死亡人数', '2');
    await formField(page, '现场保全话术').getByText('请您注意保护好事故现场').waitFor({ state: 'visible' });
    expect(await formField(page, '现场保全提示').innerText()).toContain('立即通知承保公司现场查勘');
  } finally {
    await admin.request(updateItem('deadline_rules', rule.id, { applies_when: rule.applies_when }));
  }
  await page.close();
}, 300_000);
