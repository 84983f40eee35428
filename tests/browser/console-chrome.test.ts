import { createItem, readDashboards, updateUser } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, test } from 'vitest';
import { asAdmin, baseUrl, createStaffUser, type Client } from '../helpers/api';
import { browserSession, columnLabels, coveredBy, formField, LEDGER_COLUMNS } from '../helpers/browser';
import { complaintPayload } from '../helpers/fixtures';

// Issue 18: what every staff member meets whatever the desk — the start page, one date format, the
// date picker in Chinese, the sidebar beside the dashboards, read-only fields, and a second letter.
const tag = `外观${randomUUID().slice(0, 6)}`;
// 06:20 UTC is 14:20 in Shanghai, where the staff (and this browser) are.
const REGISTERED_AT = '2026-11-20T06:20:00.000Z';
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

const browser = browserSession({ width: 1440, height: 900, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

let admin: Client;
let complaintId: number;
beforeAll(async () => {
  admin = await asAdmin();
  // Back-entered by an administrator: in 运营部's hands, registered on a known day and time.
  const complaint = await admin.request(
    createItem('complaints', complaintPayload({ customer_name: `${tag}客户`, stage: 'investigating', registered_at: REGISTERED_AT })),
  );
  complaintId = complaint.id;
});

test('staff start on the 工作台, new and returning alike, with the sidebar out of the dashboards’ way', async () => {
  const ops = await createStaffUser('运营部');
  // As if never signed in to the app (the helper's API sign-in already set the start page).
  await admin.request(updateUser(ops.id, { last_page: null }));
  const page = await browser.open(ops);
  await page.waitForURL(/\/admin\/after-sales-workbench/, { timeout: 30_000 });

  // A returning user whom Directus would send back to the page they last used.
  await admin.request(updateUser(ops.id, { last_page: '/content/complaints' }));
  const again = await browser.open(ops);
  await again.waitForURL(/\/admin\/after-sales-workbench/, { timeout: 30_000 });
  // The workbench shows times as everywhere else.
  const entry = again.locator('.work-entry', { hasText: `${tag}客户` }).first();
  await entry.waitFor({ state: 'visible', timeout: 30_000 });
  expect(await entry.locator('.due').innerText()).toMatch(/期限 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

  // At 1440 px the dashboard's last columns are not under the sidebar.
  const [dashboard] = await admin.request(readDashboards({ filter: { name: { _eq: '投诉管理' } }, fields: ['id'] }));
  await again.goto(`${baseUrl()}/admin/insights/${dashboard!.id}`);
  const ledger = again.locator('.complaint-ledger');
  // Other tests' complaints share the server: the ledger's own name filter finds ours.
  await ledger.locator('.filter.customer input').waitFor({ state: 'visible', timeout: 60_000 });
  await ledger.locator('.filter.customer input').fill(`${tag}客户`);
  await ledger.locator('.filter.customer input').press('Enter');
  await ledger.locator('tbody tr', { hasText: `${tag}客户` }).waitFor({ state: 'visible', timeout: 60_000 });
  // (polled: the app lays a loading veil over the page while the panels fetch)
  const headers = ledger.locator('thead th');
  await expect.poll(() => coveredBy(headers.filter({ hasText: '结案日期' })), { timeout: 30_000 }).toBeNull();
  await expect.poll(() => coveredBy(again.locator('.monthly-stats .departments')), { timeout: 30_000 }).toBeNull();
  // Every column of the ledger is labelled (the table drops the label of a column under 90 px).
  expect(await columnLabels(headers)).toEqual(LEDGER_COLUMNS);
  await again.screenshot({ path: `${process.env['SCREENSHOT_DIR'] ?? '/tmp'}/dashboard-1440.png` });
  // The ledger's date column reads like every other date: 2026-11-20.
  expect(await ledger.locator('tbody tr', { hasText: `${tag}客户` }).innerText()).toContain('2026-11-20');
  await page.context().close();
  await again.context().close();
}, 300_000);

test('one date format in lists and forms, fields 运营部 may not write read-only, and the date picker in Chinese', async () => {
  const ops = await createStaffUser('运营部');
  const page = await browser.open(ops, '/admin/content/complaints');
  const row = page.locator('.v-table tbody tr', { hasText: `${tag}客户` });
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  const cells = await row.locator('td').allInnerTexts();
  expect(cells.map((cell) => cell.trim())).toContain('2026-11-20 14:20');
  expect(cells.join(' ')).not.toMatch(/上午|下午|[AP]M/);

  await page.goto(`${baseUrl()}/admin/content/complaints/${complaintId}`);
  const registered = formField(page, '总经理室受理时间');
  await registered.waitFor({ state: 'visible', timeout: 60_000 });
  // (polled: the form is laid out before the item's values arrive)
  await expect.poll(async () => (await registered.locator('.interface').innerText()).trim(), { timeout: 30_000 }).toBe('2026-11-20 14:20');
  // Directus shows a field read-only when the role has no update permission on it (docs/permissions.md).
  expect(await registered.locator('.interface .disabled, .interface [disabled]').count()).toBeGreaterThan(0);
  await registered.locator('.interface').click();
  expect(await page.locator('.v-menu-content .calendar').count()).toBe(0);
  const cause = formField(page, '发生原因');
  expect(await cause.locator('textarea').isEditable()).toBe(true);
  await page.context().close();

  // The GM Office writes 总经理室受理时间 on a new complaint: its picker speaks Chinese.
  const gm = await createStaffUser('总经理室');
  const gmPage = await browser.open(gm, '/admin/content/complaints/+');
  const field = formField(gmPage, '总经理室受理时间');
  await field.waitFor({ state: 'visible', timeout: 60_000 });
  await field.locator('.interface button.v-list-item, .interface .v-input').first().click();
  const heads = gmPage.locator('.v-menu-content .calendar-head-cell');
  await heads.first().waitFor({ state: 'visible' });
  await expect.poll(() => heads.allInnerTexts()).toEqual(['日', '一', '二', '三', '四', '五', '六']);
  await gmPage.locator('.v-menu-content').getByText('设置为现在').click();
  await gmPage.keyboard.press('Escape');
  await expect.poll(async () => (await field.locator('.interface').innerText()).trim()).toMatch(DATE_TIME);
  await gmPage.context().close();
}, 300_000);

test('issuing a second letter of the same template asks for confirmation and a reason, shown with the letter', async () => {
  const clerk = await createStaffUser('市场部');
  const notice = await admin.request(
    createItem('urge_notices', {
      collection: 'complaints',
      item: String(complaintId),
      department: 'market',
      issued_at: new Date().toISOString(),
      reason: `${tag}催办`,
    }),
  );
  const page = await browser.open(clerk, `/admin/content/urge_notices/${notice.id}`);
  // Each 出具 opens the print window; the test closes it.
  page.context().on('page', (popup) => void popup.close().catch(() => undefined));
  const letters = page.locator('.after-sales-letters');
  await letters.waitFor({ state: 'visible', timeout: 60_000 });

  await letters.getByRole('button', { name: '出具催办单' }).click();
  await letters.locator('.letter').first().waitFor({ state: 'visible', timeout: 30_000 });
  const first = (await letters.locator('.letter .number').first().innerText()).trim();
  expect((await letters.locator('.letter .time').first().innerText()).trim()).toMatch(DATE_TIME);

  await letters.getByRole('button', { name: '出具催办单' }).click();
  const dialog = page.locator('.reissue-dialog');
  await dialog.waitFor({ state: 'visible' });
  expect(await dialog.innerText()).toContain(`本案已出具过催办单（${first}）`);
  const confirm = dialog.getByRole('button', { name: '确认再次出具' });
  expect(await confirm.isDisabled()).toBe(true);
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect(await letters.locator('.letter').count()).toBe(1);

  await letters.getByRole('button', { name: '出具催办单' }).click();
  await dialog.locator('textarea').fill('部门称未收到原件，重新寄送');
  await confirm.click();
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  await expect.poll(() => letters.locator('.letter').count()).toBe(2);
  expect(await letters.locator('.letter').first().innerText()).toContain('重新出具：部门称未收到原件，重新寄送');
  await page.context().close();
}, 300_000);
