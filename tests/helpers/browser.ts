import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { baseUrl } from './api';
import { launchChromium, signIn } from './chromium.mjs';

export interface PageOptions {
  width?: number;
  height?: number;
  /** The browser's time zone (the office's is Asia/Shanghai); the machine's when not given. */
  timezoneId?: string;
  locale?: string;
}

/**
 * The browser of one test file: one headless Chromium launched before its tests and closed after
 * them. `open(user, path)` gives a new page signed in as that user (ADMIN, or a department user from
 * createStaffUser) and, when `path` is given, opened at it (`/admin/content/complaints/+`).
 */
export function browserSession(defaults: PageOptions = {}) {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(user: { email: string; password: string }, path?: string, options: PageOptions = {}): Promise<Page> {
      if (!browser) throw new Error('browserSession: the browser is launched in beforeAll; open pages inside tests');
      const { width = 1400, height = 1000, timezoneId, locale } = { ...defaults, ...options };
      const page = await browser.newPage({ viewport: { width, height }, timezoneId, locale });
      // A loaded CI machine can take longer than Playwright's 30 s to render the app.
      page.setDefaultTimeout(60_000);
      await signIn(page, baseUrl(), user);
      if (path) await page.goto(`${baseUrl()}${path}`);
      return page;
    },
  };
}

/** The form field whose label is `label` (exact text of the label). */
export function formField(page: Page, label: string) {
  return page
    .locator('.field')
    .filter({ has: page.locator('.field-label .v-text-overflow', { hasText: new RegExp(`^${label}$`) }) })
    .first();
}

/** Opens a select-dropdown field and picks the option with this Chinese label. */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await formField(page, label).locator('.interface .v-input, .interface button').first().click();
  await page.locator('.v-menu-content .v-list-item', { hasText: option }).first().click();
}

export async function fillText(page: Page, label: string, value: string): Promise<void> {
  await formField(page, label).locator('input, textarea').first().fill(value);
}

/** Clicks the round ✓ save button of an item form. */
export async function saveForm(page: Page): Promise<void> {
  await page
    .locator('.actions button')
    .filter({ has: page.locator('[data-icon="check"]') })
    .first()
    .click();
}

/**
 * The report's 保单 search box (bundle interface): types what the caller says and clicks the
 * offered policy that shows `pick` (its policy number). Two interactions.
 */
export async function findPolicy(page: Page, said: string, pick: string): Promise<void> {
  const lookup = page.locator('.after-sales-policy-lookup');
  await lookup.locator('.search input').fill(said);
  await lookup
    .locator('.choice')
    .filter({ has: page.locator('.policy-no', { hasText: new RegExp(`^${pick}$`) }) })
    .first()
    .click();
  await lookup.locator('.chosen', { hasText: pick }).waitFor({ state: 'visible' });
}

/** Types a date and time as said on the phone into a datetime field that reads text (bundle interface). */
export async function typeDateTime(page: Page, label: string, said: string): Promise<void> {
  const field = formField(page, label);
  await field.locator('.after-sales-datetime-text input').first().fill(said);
  await field.locator('.after-sales-datetime-text .shown').waitFor({ state: 'visible' });
}

/** Picks a related item in a many-to-one field: opens the selection drawer, searches, clicks the row. */
export async function chooseRelated(page: Page, label: string, search: string): Promise<void> {
  if (await formField(page, label).locator('.after-sales-policy-lookup').count()) return findPolicy(page, search, search);
  await formField(page, label).locator('.interface .v-input, .interface button').first().click();
  const drawer = page.locator('.v-drawer').last();
  await drawer.waitFor({ state: 'visible' });
  const searchBox = drawer.locator('.search-input input, input[type=search]').first();
  if (await searchBox.count()) {
    await drawer.locator('.search-input').first().click();
    await searchBox.fill(search);
  }
  await drawer.locator('tr, .row', { hasText: search }).first().click();
  const confirm = drawer.locator('.actions button').filter({ has: page.locator('[data-icon="check"]') });
  if (await confirm.count()) await confirm.first().click();
  await drawer.waitFor({ state: 'hidden' });
}

/** Sets a datetime field to now with the picker's own “设置为现在” button. */
export async function setDateTimeToNow(page: Page, label: string): Promise<void> {
  if (await formField(page, label).locator('.after-sales-datetime-text').count()) return typeDateTime(page, label, '现在');
  await formField(page, label).locator('.interface button.v-list-item, .interface .v-input').first().click();
  await page.locator('.v-menu-content').getByText('设置为现在').click();
  await page.keyboard.press('Escape');
}

/** Waits until the item form has its values: Directus lays the fields out with skeletons while the item loads. */
export async function formLoaded(page: Page): Promise<void> {
  await page.locator('.v-form').first().waitFor({ state: 'visible', timeout: 60_000 });
  await expect.poll(() => page.locator('.v-form .v-skeleton-loader').count(), { timeout: 60_000 }).toBe(0);
}

/** What a form field shows: its text and the values of its inputs (a read-only dropdown shows its label in an input). */
export async function fieldShows(page: Page, label: string): Promise<string> {
  const field = formField(page, label);
  await field.waitFor({ state: 'visible' });
  await formLoaded(page);
  const values = await field
    .locator('.interface input')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value || input.getAttribute('placeholder') || ''));
  return `${await field.locator('.interface').innerText()} ${values.join(' ')}`;
}

/** What covers the middle of the element or keeps it off screen (null: the user sees it). */
export const coveredBy = (locator: Locator) =>
  locator.first().evaluate((element) => {
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (box.width === 0 || x >= window.innerWidth) return `off screen at x=${Math.round(x)} of ${window.innerWidth}`;
    const top = document.elementFromPoint(x, y);
    return top && (element === top || element.contains(top)) ? null : `under ${top?.tagName}.${top?.className} at x=${Math.round(x)}`;
  });

/** The complaint ledger's columns as staff read them, left to right (ledger panel, 投诉管理 dashboard). */
export const LEDGER_COLUMNS = [
  '投诉编号',
  '登记日期',
  '客户',
  '客户要求',
  '处理阶段',
  '办理部门',
  '已用',
  '剩余时间',
  '时效状态',
  '催办',
  '责任部门',
  '结案日期',
];

/** The Chinese text of each column header (icons and sort marks left out); a header without a label is dropped. */
export const columnLabels = async (headers: Locator) =>
  (await headers.allInnerTexts()).map((text) => text.replace(/[^\u4e00-\u9fff]/g, '')).filter(Boolean);
