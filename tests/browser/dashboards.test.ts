import { createItem } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser } from '../helpers/api';
import { browserSession } from '../helpers/browser';
import { closedPayload, complaintPayload } from '../helpers/fixtures';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
// The browser tests share one server with other files: every assertion is about these customers.
const tag = `看板${randomUUID().slice(0, 6)}`;
const ids: Record<string, number> = {};

const browser = browserSession({ width: 1600, height: 1200 });

beforeAll(async () => {
  const admin = await asAdmin();
  const now = Date.now();
  // Back-entered registration times (administrators may) put the 13-day clocks in the past.
  const cases: [string, Record<string, unknown>][] = [
    ['on_track', { stage: 'registered', registered_at: iso(now - 2 * DAY) }],
    ['breached', { stage: 'investigating', registered_at: iso(now - 20 * DAY) }],
    ['warning', { stage: 'plan_review', registered_at: iso(now - 12 * DAY) }],
    [
      'met_late',
      closedPayload(iso(now - 40 * DAY), iso(now - 10 * DAY), { responsible_department: 'operations', customer_accepted: true }),
    ],
  ];
  for (const [name, fields] of cases) {
    ids[name] = (await admin.request(createItem('complaints', complaintPayload({ ...fields, customer_name: `${tag}${name}` })))).id;
  }
  await callEndpoint(admin, 'POST', '/after-sales/sweep');
});

/** The ledger's rows on screen: customer, chip text, chip status and the chip's painted background. */
async function ledgerRows(page: Page) {
  const ledger = page.locator('.complaint-ledger');
  return ledger.locator('tbody tr.table-row').evaluateAll((rows) =>
    rows.map((row) => {
      const chip = row.querySelector('.status') as HTMLElement | null;
      return {
        text: (row as HTMLElement).innerText,
        status: chip?.dataset['status'] ?? null,
        label: chip?.innerText.trim() ?? null,
        background: chip ? getComputedStyle(chip).backgroundColor : null,
      };
    }),
  );
}

/** The colour a theme variable paints, resolved in the page the way the chip resolves it. */
const themeColour = (page: Page, variable: string) =>
  page.evaluate((name) => {
    const probe = document.createElement('div');
    probe.style.backgroundColor = `var(${name})`;
    document.querySelector('#app')!.appendChild(probe);
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return colour;
  }, variable);

test('the GM Office opens 投诉管理, finds its complaints in the ledger with their colours, the breached one first by time left, and opens it', async () => {
  const gm = await createStaffUser('总经理室');
  const page = await browser.open(gm, '/admin/insights');
  await page.getByText('投诉管理', { exact: true }).first().click();
  const ledger = page.locator('.complaint-ledger');
  await ledger.waitFor({ state: 'visible', timeout: 30_000 });

  await ledger.locator('input[placeholder="客户姓名"]').fill(tag);
  await ledger.locator('input[placeholder="客户姓名"]').press('Enter');
  await ledger.getByText('共 4 件').waitFor({ timeout: 30_000 });

  const rows = await ledgerRows(page);
  const byName = (name: string) => rows.find((row) => row.text.includes(`${tag}${name}`))!;
  expect(byName('breached')).toMatchObject({ status: 'breached', label: '已逾期' });
  expect(byName('warning')).toMatchObject({ status: 'warning', label: '即将超时' });
  expect(byName('on_track')).toMatchObject({ status: 'on_track', label: '正常' });
  expect(byName('met_late')).toMatchObject({ status: 'met_late', label: '逾期结案' });
  expect(byName('breached').background).toBe(await themeColour(page, '--theme--danger'));
  expect(byName('warning').background).toBe(await themeColour(page, '--theme--warning-background'));
  expect(byName('on_track').background).toBe(await themeColour(page, '--theme--success-background'));
  expect(byName('met_late').background).toBe(await themeColour(page, '--theme--danger-background'));
  expect(new Set(rows.map((row) => row.background)).size).toBe(4);
  expect(byName('breached').text).toContain('逾期 7 天');

  // Sorting by 剩余时间 puts the breached complaint first, the closed one last.
  await ledger.locator('thead th', { hasText: '剩余时间' }).click();
  await page.waitForFunction(
    (name) => (document.querySelector('.complaint-ledger tbody tr.table-row') as HTMLElement | null)?.innerText.includes(name) ?? false,
    `${tag}breached`,
    { timeout: 30_000 },
  );
  const sorted = await ledgerRows(page);
  expect(sorted.map((row) => row.status)).toEqual(['breached', 'warning', 'on_track', 'met_late']);

  await ledger.locator('tbody tr.table-row').first().click();
  await page.waitForURL(new RegExp(`/admin/content/complaints/${ids['breached']}$`), { timeout: 30_000 });
  await page.getByText(`${tag}breached`).first().waitFor({ state: 'attached', timeout: 30_000 });
  await page.close();
});
