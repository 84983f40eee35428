import { aggregate, createItems, readItems, updateItem } from '@directus/sdk';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { asAdmin, baseUrl, type Client } from '../helpers/api';
import { browserSession, fieldShows, fillText, formField, saveForm } from '../helpers/browser';
import { complaintPayload } from '../helpers/fixtures';
import { until } from '../helpers/poll';
import { ADMIN } from '../helpers/test-server';

const browser = browserSession({ width: 1400, height: 1100 });

let admin: Client;
beforeAll(async () => {
  admin = await asAdmin();
});

const KEYS = /\b(submitted|investigating|plan_review|gm_office|operations|customer_name|investigation_cause|intake|no_policy)\b/;

/** The notifications drawer's text once it shows `text`, opened afresh until it does (its last text on timeout). */
function notificationsShowing(page: Page, text: string): Promise<string> {
  const drawerText = async () => {
    await page.locator('.module-bar-avatar .notifications').first().click();
    const drawer = page.locator('.v-drawer').last();
    await drawer.waitFor({ state: 'visible' });
    // The drawer loads its list after it opens: give it a moment to show the text.
    await drawer
      .getByText(text)
      .first()
      .waitFor({ timeout: 2_000 })
      .catch(() => undefined);
    const shown = await drawer.innerText();
    if (!shown.includes(text)) await page.keyboard.press('Escape');
    return shown;
  };
  return until(drawerText, (shown) => shown.includes(text), { timeout: 40_000, interval: 1_000 });
}

test('an administrator reads the rule tables by their Chinese labels, edits a deadline rule and is told how many open cases got new deadlines', async () => {
  await admin.request(createItems('complaints', [complaintPayload({ stage: 'submitted' })]));
  const [rule] = (await admin.request(
    readItems('deadline_rules', { filter: { key: { _eq: 'complaint_registration' } }, fields: ['id', 'limit_value'] }),
  )) as any[];
  const page = await browser.open(ADMIN);

  // The list: nodes, departments and units by name.
  await page.goto(`${baseUrl()}/admin/content/deadline_rules`);
  const table = page.locator('.v-table tbody');
  // The first page of the app loads its extensions, which takes a while on a loaded machine.
  await table
    .getByText('投诉阶段：已送总经理室')
    .first()
    .waitFor({ state: 'visible', timeout: 90_000 })
    .catch(async (error) => {
      await page.screenshot({ path: '/tmp/rule-tables-list.png' });
      throw error;
    });
  const listed = await table.innerText();
  expect(listed).toContain('重大案件呈报总部');
  expect(listed).toContain('工作日');
  expect(listed).not.toMatch(KEYS);

  // The form: dropdowns with labels and notes that say what the rule does and where it comes from.
  await page.goto(`${baseUrl()}/admin/content/deadline_rules/${rule.id}`);
  await formField(page, '节点/阶段').waitFor({ state: 'visible' });
  expect(await fieldShows(page, '节点/阶段')).toContain('投诉阶段：已送总经理室');
  expect(await fieldShows(page, '案件类型')).toContain('客户抱怨处理表');
  expect(await fieldShows(page, '催办部门')).toContain('总经理室');
  expect(await fieldShows(page, '单位')).toContain('工作日');
  expect(await page.locator('.v-form').innerText()).toContain('第十四条');
  expect(await page.locator('.v-form').innerText()).not.toMatch(KEYS);

  try {
    const [row] = (await admin.request(
      aggregate('complaints', {
        aggregate: { count: '*' },
        query: { filter: { stage: { _eq: 'submitted' }, stage_entered_at: { _nnull: true } } },
      }),
    )) as any[];
    await fillText(page, '时限', String(rule.limit_value + 1));
    await saveForm(page);
    await page.waitForURL((url) => !url.pathname.endsWith(`/${rule.id}`), { timeout: 20_000 });
    const told = `已按新规则重算 ${Number(row.count)} 件未结案件的时限`;
    expect(await notificationsShowing(page, told)).toContain(told);
  } finally {
    await admin.request(updateItem('deadline_rules', rule.id, { limit_value: rule.limit_value }));
  }

  // 必填字段 of a complaint move: the complaint form's fields by their labels.
  const [move] = (await admin.request(
    readItems('complaint_transitions', {
      filter: { from_stage: { _eq: 'investigating' }, to_stage: { _eq: 'plan_review' } },
      fields: ['id'],
    }),
  )) as any[];
  await page.goto(`${baseUrl()}/admin/content/complaint_transitions/${move.id}`);
  await formField(page, '必填字段').waitFor({ state: 'visible' });
  const required = await fieldShows(page, '必填字段');
  expect(required).toContain('发生原因');
  expect(required).toContain('责任归属');
  expect(await fieldShows(page, '办理部门')).toContain('运营部');
  expect(await page.locator('.v-form').innerText()).not.toMatch(KEYS);

  // 服务话术: the step says when the wording shows.
  await page.goto(`${baseUrl()}/admin/content/guidance_texts`);
  await page.locator('.v-table tbody').getByText('始终显示（接待登记）').first().waitFor({ state: 'visible' });
  expect(await page.locator('.v-table tbody').innerText()).toContain('报案：未查到保单');
  await page.close();
}, 300_000);
