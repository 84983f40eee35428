import { readItem, readItems } from '@directus/sdk';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { asAdmin, baseUrl, createStaffUser, type StaffUser } from '../helpers/api';
import { browserSession, fieldShows, formField } from '../helpers/browser';

const artifacts = path.resolve(__dirname, '..', '.artifacts');
// The office's own time zone, so the form's times and the history's read alike.
const browser = browserSession({ timezoneId: 'Asia/Shanghai' });

beforeAll(() => {
  mkdirSync(artifacts, { recursive: true });
});

/**
 * What a clerk does, counted (X-ACTIONS): one click, one filled field or one key press is one
 * interaction; opening the complaint counts as the click that opens it from the list or work queue.
 * Signing in is not counted: it is the start of a working day, not of this complaint.
 */
class Clerk {
  static interactions = 0;
  constructor(readonly page: Page) {}
  async click(target: Locator) {
    Clerk.interactions++;
    await target.click();
  }
  async fill(target: Locator, value: string) {
    Clerk.interactions++;
    await target.fill(value);
  }
  async press(key: string) {
    Clerk.interactions++;
    await this.page.keyboard.press(key);
  }
  async open(route: string) {
    Clerk.interactions++;
    await this.page.goto(`${baseUrl()}/admin${route}`);
  }
}

async function session(user: StaffUser): Promise<{ page: Page; clerk: Clerk }> {
  const page = await browser.open(user);
  return { page, clerk: new Clerk(page) };
}

const panel = (page: Page) => page.locator('.after-sales-moves');
const moveButton = (page: Page, label: string) => panel(page).locator('.move', { hasText: label }).locator('button');
const dialog = (page: Page) => page.locator('.move-dialog');
/** A field of the move dialog by its exact label (the page's own form has fields of the same name). */
const dialogField = (page: Page, label: string) =>
  dialog(page)
    .locator('.field')
    .filter({ has: page.locator('.field-label .v-text-overflow', { hasText: new RegExp(`^${label}$`) }) })
    .first();

async function openComplaint(clerk: Clerk, id: number) {
  await clerk.open(`/content/complaints/${id}`);
  await panel(clerk.page).waitFor({ state: 'visible' });
}

/** Clicks 确认 in the move dialog, sees the app's success notice and waits until the form shows the stage the move led to. */
async function confirmMove(clerk: Clerk, stageLabel: string) {
  // The success notice stays a few seconds: watched on every change of the page, not by polling.
  await clerk.page.evaluate((text) => {
    const seen = window as unknown as { moveNoticeSeen: boolean };
    seen.moveNoticeSeen = false;
    const observer = new MutationObserver(() => {
      if (!document.body.innerText.includes(text)) return;
      seen.moveNoticeSeen = true;
      observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, `已办理：${stageLabel}`);
  await clerk.click(dialog(clerk.page).getByRole('button', { name: '确认' }));
  await dialog(clerk.page).waitFor({ state: 'hidden' });
  await clerk.page.waitForFunction(() => (window as unknown as { moveNoticeSeen: boolean }).moveNoticeSeen);
  await expect.poll(() => fieldShows(clerk.page, '处理阶段'), { timeout: 60_000 }).toContain(stageLabel);
}

async function chooseInDialog(clerk: Clerk, label: string, option: string) {
  await clerk.click(dialogField(clerk.page, label).locator('.interface .v-input, .interface button').first());
  await clerk.click(clerk.page.locator('.v-menu-content .v-list-item', { hasText: option }).first());
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(artifacts, name), fullPage: false });

test('one complaint from 草稿 to 结案 through the 办理 panel, each department and approver in turn, in at most 40 interactions', async () => {
  const admin = await asAdmin();
  const [market, gmOffice, operations, manager] = await Promise.all([
    createStaffUser('市场部'),
    createStaffUser('总经理室'),
    createStaffUser('运营部'),
    createStaffUser('市场部', ['业务部经理']),
  ]);
  const customer = `客户${Date.now()}`;

  // 市场部 takes the complaint in the form and sends it to the GM Office.
  let { page, clerk } = await session(market);
  await clerk.open('/content/complaints/+');
  await formField(page, '客户姓名').waitFor({ state: 'visible' });
  expect(await panel(page).innerText()).toContain('保存后可在此办理');
  await clerk.fill(formField(page, '客户姓名').locator('input'), customer);
  await clerk.fill(formField(page, '客户要求').locator('textarea'), '要求赔付医疗费用 3000 元');
  await clerk.fill(formField(page, '投诉理由').locator('textarea'), '报案后十天无人联系');
  await clerk.fill(formField(page, '市场部意见').locator('textarea'), '情况属实，请总经理室登记');
  await clerk.press('Control+s');
  await page.waitForURL((url) => /\/complaints\/\d+$/.test(url.pathname), { timeout: 60_000 });
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  // The stage changes only through 办理.
  expect(await formField(page, '处理阶段').locator('.v-input.disabled, .v-select.disabled, input[disabled]').count()).toBeGreaterThan(0);
  await clerk.click(moveButton(page, '已送总经理室'));
  await dialog(page).waitFor({ state: 'visible' });
  expect(await dialogField(page, '市场部意见').locator('textarea').inputValue()).toBe('情况属实，请总经理室登记');
  await confirmMove(clerk, '已送总经理室');
  // The next move is the GM Office's: shown greyed, with the reason written out.
  const refused = panel(page).locator('.move', { hasText: '已登记编号' });
  await expect.poll(() => refused.innerText()).toContain('您所在的部门（市场部）不能执行');
  expect(await refused.locator('button').isDisabled()).toBe(true);
  await shot(page, 'complaint-moves-1-submitted.png');
  await page.close();

  // 总经理室 registers it (the number appears) and sends it to 运营部.
  ({ page, clerk } = await session(gmOffice));
  await openComplaint(clerk, id);
  await clerk.click(moveButton(page, '已登记编号'));
  await confirmMove(clerk, '已登记编号');
  await expect.poll(() => fieldShows(page, '投诉编号')).toMatch(/\d{6,}/);
  await clerk.click(moveButton(page, '运营部调查'));
  await confirmMove(clerk, '运营部调查');
  await page.close();

  // 运营部 writes its findings in the move dialog.
  ({ page, clerk } = await session(operations));
  await openComplaint(clerk, id);
  await clerk.click(moveButton(page, '总经理室综合意见'));
  await clerk.fill(dialogField(page, '发生原因').locator('textarea'), '理赔专员休假，案件未移交');
  await clerk.fill(dialogField(page, '责任归属').locator('textarea'), '运营部理赔组');
  await clerk.fill(dialogField(page, '处理及改善对策').locator('textarea'), '建立休假交接清单');
  await shot(page, 'complaint-moves-2-dialog.png');
  await confirmMove(clerk, '总经理室综合意见');
  await page.close();

  // 总经理室 writes the overall opinion and the amount in the form; approving is not its to do.
  ({ page, clerk } = await session(gmOffice));
  await openComplaint(clerk, id);
  await clerk.fill(formField(page, '总经理室综合意见').locator('textarea'), '同意赔付医疗费用');
  await clerk.fill(formField(page, '拟处理金额').locator('input'), '3000');
  await clerk.press('Control+s');
  await expect.poll(() => panel(page).locator('.move', { hasText: '市场部交涉' }).innerText(), { timeout: 60_000 }).toContain('业务部经理');
  expect(await moveButton(page, '市场部交涉').isDisabled()).toBe(true);
  await page.close();

  // The 业务部经理 approves the plan, then ticks 主管已核阅 in the form.
  ({ page, clerk } = await session(manager));
  await openComplaint(clerk, id);
  await clerk.click(moveButton(page, '市场部交涉'));
  await dialog(page).locator('.confirm-text').waitFor({ state: 'visible' });
  expect(await dialog(page).innerText()).toContain('核准后，拟处理金额和总经理室综合意见即锁定');
  await confirmMove(clerk, '市场部交涉');
  await clerk.click(formField(page, '主管已核阅').locator('.v-checkbox'));
  await clerk.press('Control+s');
  await expect
    .poll(async () => (await admin.request(readItem('complaints', id, { fields: ['supervisor_reviewed'] }))).supervisor_reviewed, {
      timeout: 60_000,
    })
    .toBe(true);
  await page.close();

  // The 市场部 clerk records the negotiation result in the dialog and sends it for the final decision.
  ({ page, clerk } = await session(market));
  await openComplaint(clerk, id);
  await clerk.click(moveButton(page, '核决'));
  await clerk.fill(dialogField(page, '交涉结果').locator('textarea'), '客户同意按 3000 元结案');
  await confirmMove(clerk, '核决');
  await page.close();

  // The approver closes it; until the customer's acceptance is ticked the dialog says a new complaint will follow.
  ({ page, clerk } = await session(manager));
  await openComplaint(clerk, id);
  await clerk.click(moveButton(page, '已结案'));
  await dialog(page).locator('.reopen').waitFor({ state: 'visible' });
  expect(await dialog(page).locator('.reopen').innerText()).toContain('另立一份关联的新投诉');
  await chooseInDialog(clerk, '责任部门', '运营部');
  await chooseInDialog(clerk, '个人惩处种类', '警告');
  await clerk.click(dialogField(page, '客户接受处理结果').locator('.v-checkbox'));
  await dialog(page).locator('.reopen').waitFor({ state: 'hidden' });
  await shot(page, 'complaint-moves-3-closing.png');
  await confirmMove(clerk, '已结案');

  // The history: Chinese stages, departments and names, no raw ids or keys.
  const history = panel(page).locator('.history');
  await expect.poll(() => history.locator('tbody tr').count()).toBe(8);
  const text = await history.innerText();
  for (const expected of [
    '新建 → 草稿',
    '草稿 → 已送总经理室',
    '已送总经理室 → 已登记编号',
    '运营部调查 → 总经理室综合意见',
    '核决 → 已结案',
    '运营部',
    '总经理室',
    '市场部测试员',
    '总经理室测试员',
    '运营部测试员',
    '按时完成',
  ]) {
    expect(text).toContain(expected);
  }
  expect(text).not.toMatch(
    /\b(draft|submitted|registered|investigating|plan_review|negotiating|final_review|closed|gm_office|operations|market)\b/,
  );
  for (const user of [market, gmOffice, operations, manager]) expect(text).not.toContain(user.id);
  expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await panel(page).screenshot({ path: path.join(artifacts, 'complaint-moves-4-history.png') });
  await page.close();

  const closed = await admin.request(
    readItem('complaints', id, { fields: ['stage', 'complaint_no', 'customer_accepted', 'responsible_department', 'closed_at'] }),
  );
  expect(closed).toMatchObject({ stage: 'closed', customer_accepted: true, responsible_department: 'operations' });
  expect(closed.closed_at).toBeTruthy();
  const reopened = await admin.request(readItems('complaints', { filter: { parent_complaint: { _eq: id } }, fields: ['id'] }));
  expect(reopened).toEqual([]);

  console.log(`[X-ACTIONS] 草稿 → 结案 through the 办理 panel: ${Clerk.interactions} interactions`);
  expect(Clerk.interactions).toBeLessThanOrEqual(40);
}, 900_000);
