import { deleteItems, readItems } from '@directus/sdk';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { asAdmin, baseUrl, createStaffUser, type Client } from '../helpers/api';
import { browserSession } from '../helpers/browser';
import { ADMIN } from '../helpers/test-server';

// A year far enough ahead that no other test's deadline runs into it.
const BROKEN = '四、劳动节：5月1日（周一）至（周三）放假，共3天。';
const NOTICE = `国务院办公厅关于2036年部分节假日安排的通知
经国务院批准，现将2036年元旦、春节、清明节和劳动节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周二）放假1天，不调休。
二、春节：1月27日（周日）至2月2日（周六）放假调休，共7天。1月26日（周六）、2月3日（周日）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
${BROKEN}
国务院办公厅`;

const browser = browserSession();

let admin: Client;
const rowsOf2036 = () =>
  admin.request(
    readItems('work_calendar', {
      filter: { 'year(date)': { _eq: 2036 } } as never,
      fields: ['id', 'date', 'is_workday', 'source'],
      sort: ['date'],
      limit: -1,
    }),
  ) as Promise<any[]>;
const day = (page: Page, date: string) => page.locator(`.day[data-date="${date}"]`);
const kindOf = (page: Page, date: string) => day(page, date).getAttribute('data-kind');

beforeAll(async () => {
  admin = await asAdmin();
});
afterAll(async () => {
  const rows = await rowsOf2036();
  if (rows.length)
    await admin.request(
      deleteItems(
        'work_calendar',
        rows.map((row) => row.id),
      ),
    );
});

test("an administrator imports the State Council's notice in 规则管理 (preview, save), sees the month change, toggles a day", async () => {
  const page = await browser.open(ADMIN);
  // The module is in the module bar; January 2036 opens by its link.
  expect(await page.locator('.module-bar a[href$="/after-sales-rules"]').count()).toBe(1);
  await page.goto(`${baseUrl()}/admin/after-sales-rules?month=2036-01`);
  await page.locator('.month[data-month="2036-01"]').waitFor({ state: 'visible', timeout: 60_000 });
  expect(await page.locator('.month-title').innerText()).toBe('2036年1月');
  expect(await kindOf(page, '2036-01-01')).toBe('workday');
  expect(await kindOf(page, '2036-01-26')).toBe('weekend');

  // Paste → preview: the days, the counts and the line that could not be read; nothing written yet.
  await page.locator('.open-import').click();
  await page.locator('.notice-text textarea').fill(NOTICE);
  await page.locator('.preview-notice').click();
  const summary = page.locator('.notice-import .summary');
  await summary.waitFor({ state: 'visible' });
  expect(await summary.innerText()).toContain('2036 年：识别 13 天');
  expect(await summary.innerText()).toContain('新增 13');
  expect(await page.locator('.unparsed-line').allInnerTexts()).toEqual([BROKEN]);
  expect(await page.locator('.notice-import .days tr').count()).toBe(13);
  expect(await rowsOf2036()).toEqual([]);
  await page.screenshot({ path: `${process.env['SCREENSHOT_DIR'] ?? '/tmp'}/calendar-import-preview.png` });

  // Save: the dialog closes, the month view shows the imported holidays and make-up days at once.
  await page.locator('.save-notice').click();
  await page.locator('.notice-import').waitFor({ state: 'detached', timeout: 60_000 });
  await page.locator('.day[data-date="2036-01-01"][data-kind="holiday"]').waitFor({ timeout: 60_000 });
  expect(await day(page, '2036-01-01').innerText()).toContain('元旦');
  expect(await kindOf(page, '2036-01-26')).toBe('makeup');
  expect(await kindOf(page, '2036-01-28')).toBe('holiday');
  expect(await page.locator('.notice-import').count()).toBe(0);
  await page.locator('.next-month').click();
  await page.locator('.month[data-month="2036-02"]').waitFor();
  expect(await kindOf(page, '2036-02-03')).toBe('makeup');
  expect(await (await rowsOf2036()).length).toBe(13);

  // A click makes a plain Wednesday a company rest day, marked 公司; a second click undoes it.
  await page.locator('.next-month').click();
  await page.locator('.month[data-month="2036-03"]').waitFor();
  expect(await kindOf(page, '2036-03-04')).toBe('workday');
  await day(page, '2036-03-04').click();
  await page.locator('.day[data-date="2036-03-04"][data-kind="holiday"].hand-made').waitFor({ timeout: 60_000 });
  expect(await day(page, '2036-03-04').innerText()).toContain('公司');
  expect((await rowsOf2036()).find((row) => row.date === '2036-03-04')).toMatchObject({ is_workday: false, source: 'company' });
  // The change is in force and waits for the 总经理: the page says so.
  await page.locator('.pending-notice').waitFor();
  await page.screenshot({ path: `${process.env['SCREENSHOT_DIR'] ?? '/tmp'}/calendar-month.png` });

  await day(page, '2036-03-04').click();
  await page.locator('.day[data-date="2036-03-04"][data-kind="workday"]:not(.hand-made)').waitFor({ timeout: 60_000 });
  expect((await rowsOf2036()).some((row) => row.date === '2036-03-04')).toBe(false);

  // 规则修订记录 lists the clicks with who and what, pending approval.
  await page.locator('.revisions-link').click();
  await page.waitForURL(/\/admin\/after-sales-rules\/revisions/);
  const latest = page.locator('.revision[data-status="pending"]').first();
  await latest.waitFor();
  expect(await latest.innerText()).toContain('工作日历');
  expect(await latest.innerText()).toContain('2036-03-04');
  expect(await latest.innerText()).toContain('删除');
  expect(await latest.innerText()).toContain('来源：公司自定');
  await page.screenshot({ path: `${process.env['SCREENSHOT_DIR'] ?? '/tmp'}/rule-revisions.png` });
  await page.close();
}, 240_000);

test('the 总经理 approves the revision in 规则修订记录; it leaves the pending list', async () => {
  const chief = await createStaffUser('总经理室', ['总经理']);
  const gm = await browser.open(chief, '/admin/after-sales-rules/revisions');
  const entry = gm.locator('.revision[data-status="pending"]', { hasText: '2036-03-04' }).first();
  await entry.waitFor({ timeout: 60_000 });
  const id = await entry.getAttribute('data-id');
  await entry.locator('.v-checkbox').click();
  await gm.locator('.opinion input').fill('同意');
  await gm.locator('.approve').click();
  await gm.locator(`.revision[data-id="${id}"]`).waitFor({ state: 'detached', timeout: 60_000 });
  const [approved] = (await admin.request(
    readItems('rule_revisions', { filter: { id: { _eq: Number(id) } }, fields: ['status', 'approved_by', 'approval_opinion'] }),
  )) as any[];
  expect(approved).toEqual({ status: 'approved', approved_by: chief.id, approval_opinion: '同意' });
  await gm.close();
}, 240_000);
