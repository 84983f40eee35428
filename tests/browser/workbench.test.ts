import { createItem, readItem } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { asAdmin, createStaffUser } from '../helpers/api';
import { browserSession } from '../helpers/browser';
import { claimReportPayload, complaintPayload, createPolicyFixture } from '../helpers/fixtures';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const browser = browserSession();

test("a 市场部 clerk's 售后工作台 shows only 市场部 work, by due time, overdue marked, and new work without a reload", async () => {
  const tag = randomUUID().slice(0, 6);
  const admin = await asAdmin();
  const clerk = await createStaffUser('市场部');
  const now = Date.now();

  // 市场部's work: a major report past its 24 hours, a report to accept, a draft complaint.
  const late = await admin.request(
    createItem(
      'claim_reports',
      claimReportPayload((await createPolicyFixture(admin)).policy.id, {
        insured_name: `逾期重大${tag}`,
        deaths: 2,
        reported_at: iso(now - 2 * DAY),
        // The scene and survey notices given (their own tasks: it/scene-survey), so only the HQ report waits.
        scene_protection_notified: true,
        insurer_survey_notified: true,
        survey_report_received: true,
      }),
    ),
  );
  const fresh = await clerk.client.request(
    createItem('claim_reports', claimReportPayload((await createPolicyFixture(admin)).policy.id, { insured_name: `待受理${tag}` })),
  );
  const draft = await clerk.client.request(createItem('complaints', complaintPayload({ customer_name: `市场草稿${tag}` })));
  // Other departments' work, which the clerk must not see.
  const base = await admin.request(createItem('claim_reports', claimReportPayload((await createPolicyFixture(admin)).policy.id)));
  await admin.request(
    createItem('claim_applications', {
      claim_report: base.id,
      claim_type: 'medical',
      applicant_name: `运营移交${tag}`,
      materials_complete_at: iso(now - 10 * DAY),
    }),
  );
  await clerk.client.request(createItem('complaints', complaintPayload({ customer_name: `总经理室受理${tag}`, stage: 'submitted' })));
  await admin.request(
    createItem('urge_notices', {
      collection: 'complaints',
      item: String(draft.id),
      department: 'operations',
      issued_at: iso(now),
      due_at: iso(now - DAY),
      reason: `运营催办${tag}`,
    }),
  );

  const page = await browser.open(clerk);
  // The module bar carries the workbench; the clerk opens it from there.
  await page.locator('.module-bar a[href$="/after-sales-workbench"]').click();
  await page.waitForURL(/\/admin\/after-sales-workbench/);
  const entries = page.locator('.work-entry');
  await page.locator('.work-entry', { hasText: `市场草稿${tag}` }).waitFor({ state: 'visible', timeout: 30_000 });

  const shown = await entries.evaluateAll((nodes) =>
    nodes.map((node) => ({ key: node.getAttribute('data-key'), text: (node as HTMLElement).innerText })),
  );
  const ours = shown.filter((entry) => entry.text.includes(tag));
  expect(ours.map((entry) => entry.key)).toEqual([
    `hq_report:${late.id}`, // overdue, due first
    ...[`complaint:${draft.id}`, `report_review:${fresh.id}`, `report_review:${late.id}`].sort(), // no deadline, by key
  ]);
  for (const other of ['运营移交', '总经理室受理', '运营催办'])
    expect(
      shown.some((entry) => entry.text.includes(`${other}${tag}`)),
      other,
    ).toBe(false);

  const overdue = page.locator(`section[data-status="breached"] .work-entry[data-key="hq_report:${late.id}"]`);
  await expect(overdue.locator('.state').innerText()).resolves.toBe('已逾期');
  expect(await overdue.innerText()).toContain('重大案件呈报总部');
  expect(await page.locator('.work-entry[data-key^="report_review"]').first().locator('.state').innerText()).toBe('无时限');
  await page.screenshot({ path: `${process.env['SCREENSHOT_DIR'] ?? '/tmp'}/workbench-market.png` });

  // New work arrives over HTTP; the refresh button shows it without reloading the page.
  await page.evaluate(() => ((window as any).__notReloaded = true));
  const added = await clerk.client.request(createItem('complaints', complaintPayload({ customer_name: `新到草稿${tag}` })));
  await page.locator('.refresh button').click();
  await page.locator(`.work-entry[data-key="complaint:${added.id}"]`).waitFor({ state: 'visible', timeout: 30_000 });
  expect(await page.evaluate(() => (window as any).__notReloaded)).toBe(true);

  // A case type in the navigation narrows the list; 只看已逾期 keeps the overdue ones.
  await page.locator('.case-types .case-type', { hasText: '客户抱怨' }).click();
  await expect(page.locator(`.work-entry[data-key="hq_report:${late.id}"]`).count()).resolves.toBe(0);
  expect(await page.locator(`.work-entry[data-key="complaint:${added.id}"]`).count()).toBe(1);
  await page.locator('.case-types .case-type', { hasText: '客户抱怨' }).click();
  await page.getByText('只看已逾期').click();
  await page.locator(`.work-entry[data-key="complaint:${added.id}"]`).waitFor({ state: 'detached' });
  expect(await page.locator(`.work-entry[data-key="hq_report:${late.id}"]`).count()).toBe(1);

  // Clicking an entry opens the item in the content module.
  await page.locator(`.work-entry[data-key="hq_report:${late.id}"]`).click();
  await page.waitForURL(new RegExp(`/admin/content/claim_reports/${late.id}$`));
  await page.close();
});

test("a 部门主管 finds the penalty of their department's staff to confirm in the 工作台 and opens it", async () => {
  const tag = randomUUID().slice(0, 6);
  const admin = await asAdmin();
  const [head, ops] = await Promise.all([createStaffUser('市场部', ['部门主管']), createStaffUser('运营部')]);
  const complaint = await admin.request(
    createItem('complaints', complaintPayload({ stage: 'investigating', registered_at: iso(Date.now() - DAY) })),
  );
  const person = await ops.client.request(
    createItem('responsible_persons', {
      complaint: complaint.id,
      person_name: `林小市${tag}`,
      department: 'market',
      responsibility: '未及时转交理赔材料',
      penalty_type: 'warning',
    }),
  );
  expect((await admin.request(readItem('responsible_persons', person.id))).confirmation).toBe('pending');

  const page = await browser.open(head, '/admin/after-sales-workbench');
  const entry = page.locator(`.work-entry[data-key="penalty_confirmation:${person.id}"]`);
  await entry.waitFor({ state: 'visible', timeout: 30_000 });
  const text = await entry.innerText();
  for (const part of ['责任人员', `林小市${tag}：警告`, '待主管确认', '主管确认个人惩处', '无时限']) expect(text).toContain(part);
  await entry.click();
  await page.waitForURL(new RegExp(`/admin/content/responsible_persons/${person.id}$`));
  await page.close();
});
