import { createItem, readItems, updateItem } from '@directus/sdk';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { asAdmin, baseUrl, createStaffUser, type Client } from '../helpers/api';
import {
  browserSession,
  chooseOption,
  chooseRelated,
  fieldShows,
  fillText,
  findPolicy,
  formField,
  saveForm,
  setDateTimeToNow,
  typeDateTime,
} from '../helpers/browser';
import { claimReportPayload, createPolicyFixture, idNumber } from '../helpers/fixtures';

const browser = browserSession({ width: 1400, height: 1100 });

test('a clerk registers a report on a lapsed policy in the admin UI and sees 不予受理 with the reason in Chinese', async () => {
  const admin = await asAdmin();
  const { policy } = await createPolicyFixture(admin, { status: 'lapsed', terminated_at: '2026-10-01' });
  const clerk = await createStaffUser('市场部');
  const page = await browser.open(clerk, '/admin/content/claim_reports/+');
  await page.waitForSelector('text=出险情况');

  const reporter = `报案人${Date.now()}`;
  await chooseOption(page, '报案方式', '电话');
  await chooseRelated(page, '保单', policy.policy_no);
  await fillText(page, '被保险人姓名', '李四');
  await setDateTimeToNow(page, '出险时间');
  await fillText(page, '出险地点', '上海市静安区南京西路');
  await chooseOption(page, '出险原因', '意外事故');
  await fillText(page, '出险经过', '下楼梯时摔倒');
  await fillText(page, '报案人姓名', reporter);
  await fillText(page, '报案人电话', '13812345678');
  await fillText(page, '与出险人关系', '本人');
  await saveForm(page);
  await page.waitForURL((url) => !url.pathname.endsWith('/+'), { timeout: 20_000 });

  const [saved] = await admin.request(
    readItems('claim_reports', { filter: { reporter_name: { _eq: reporter } }, fields: ['id', 'status', 'rejection_reasons', 'policy'] }),
  );
  expect(saved).toMatchObject({ status: 'not_accepted', rejection_reasons: ['policy_lapsed'], policy: policy.id });

  await page.goto(`${baseUrl()}/admin/content/claim_reports/${saved!.id}`);
  await page.waitForSelector('text=初步审核');
  expect(await fieldShows(page, '受理状态')).toContain('不予受理');
  expect(await fieldShows(page, '不予受理原因')).toContain('保单已失效或终止');
  await page.close();
});

test("the report form shows the standard wording (话术) from the table, and an administrator's edit shows up", async () => {
  const admin = await asAdmin();
  const clerk = await createStaffUser('市场部');
  const page = await browser.open(clerk, '/admin/content/claim_reports/+');
  // The form's top wording (the 现场保全 fields beside 死亡人数 are there too, empty and out of sight).
  const guidance = page.locator('.after-sales-guidance').first();
  await guidance.getByText('接报案开场').waitFor({ state: 'visible' });
  expect(await guidance.innerText()).toContain('请依次询问：保单号码、险种名称、被保险人姓名');
  expect(await guidance.innerText()).not.toContain('现场保全提示');

  const [greeting] = (await admin.request(
    readItems('guidance_texts', { filter: { key: { _eq: 'report_greeting' } }, fields: ['id', 'content'] }),
  )) as any[];
  const edited = '您好，欢迎致电东方保险代理客户服务部，请问有什么可以帮您？';
  await admin.request(updateItem('guidance_texts', greeting.id, { content: edited }));
  try {
    await page.reload();
    await guidance.getByText(edited).waitFor({ state: 'visible' });
  } finally {
    await admin.request(updateItem('guidance_texts', greeting.id, { content: greeting.content }));
  }
  await page.close();
});

/**
 * The clerk's side of a phone call, counting interactions: typing into a field is one, a click is
 * one, choosing from a dropdown is two (open, pick).
 */
class PhoneCall {
  interactions = 0;
  constructor(readonly page: Page) {}
  async findPolicy(said: string, pick: string) {
    await findPolicy(this.page, said, pick);
    this.interactions += 2;
  }
  async type(label: string, text: string) {
    await fillText(this.page, label, text);
    this.interactions += 1;
  }
  async typeTime(label: string, said: string) {
    await typeDateTime(this.page, label, said);
    this.interactions += 1;
  }
  async choose(label: string, option: string) {
    await chooseOption(this.page, label, option);
    this.interactions += 2;
  }
  async save() {
    await saveForm(this.page);
    this.interactions += 1;
  }
  async click(target: ReturnType<Page['locator']>) {
    await target.click();
    this.interactions += 1;
  }
}

/** A caller's insured with a namesake: two customers of the same name, each with a policy. */
async function namesakes(admin: Client, status: 'in_force' | 'lapsed') {
  const year = new Date().getUTCFullYear();
  const period = { start_date: `${year - 1}-01-01`, end_date: `${year + 1}-12-31` };
  const fixture = await createPolicyFixture(admin, {
    ...period,
    ...(status === 'lapsed' ? { status, terminated_at: `${year - 1}-06-01` } : {}),
  });
  const other = await admin.request(createItem('customers', { name: fixture.insured.name, id_number: idNumber(), phone: '13911112222' }));
  const otherPolicy = await admin.request(
    createItem('policies', {
      policy_no: `N${fixture.policy.policy_no}`,
      product: fixture.product.id,
      policyholder: other.id,
      insured: other.id,
      sum_insured: 50000,
      ...period,
      status: 'in_force',
    }),
  );
  return { ...fixture, otherPolicy };
}

/** Signs a new 市场部 clerk in, in the business time zone, on a new report. */
async function clerkOnNewReport() {
  const clerk = await createStaffUser('市场部');
  const page = await browser.open(clerk, '/admin/content/claim_reports/+', { timezoneId: 'Asia/Shanghai' });
  await page.waitForSelector('text=出险情况');
  return { clerk, page };
}

/** What the caller says after the policy is found: 14 interactions with the search and the save. */
async function takeTheCall(call: PhoneCall, reporter: string) {
  await call.choose('报案方式', '电话');
  await call.typeTime('出险时间', '昨天 9:05');
  await call.type('出险地点', '上海市静安区南京西路');
  await call.choose('出险原因', '意外事故');
  await call.type('出险经过', '下楼梯时摔倒，右腿骨折');
  await call.type('报案人姓名', reporter);
  await call.type('报案人电话', '13812345678');
  await call.type('与出险人关系', '配偶');
  await call.save();
}

const outcome = (page: Page) => page.locator('.after-sales-intake-outcome');

test("phone call, in-force policy found by the insured's name among namesakes: the clerk stays on the report and sees the number and 符合受理条件 (≤ 15 interactions)", async () => {
  const admin = await asAdmin();
  const { policy, insured, otherPolicy } = await namesakes(admin, 'in_force');
  const { page } = await clerkOnNewReport();
  const call = new PhoneCall(page);

  await call.findPolicy(insured.name, policy.policy_no);
  // Namesakes were offered side by side; picking one filled what the caller would spell out.
  expect(await fieldShows(page, '被保险人姓名')).toContain(insured.name);
  expect(await fieldShows(page, '被保险人身份证号')).toContain(insured.id_number);
  expect(await fieldShows(page, '险种名称')).toContain('意外伤害保险');
  expect(await page.locator('.after-sales-policy-lookup .chosen').innerText()).toMatch(/保险期间 \d{4}-01-01 至 \d{4}-12-31/);
  const reporter = `报案人${Date.now()}`;
  await takeTheCall(call, reporter);

  await page.waitForURL(/\/claim_reports\/\d+$/, { timeout: 20_000 });
  await outcome(page).getByText('符合受理条件').waitFor({ state: 'visible' });
  const [saved] = (await admin.request(
    readItems('claim_reports', {
      filter: { reporter_name: { _eq: reporter } },
      fields: ['id', 'report_no', 'status', 'policy', 'insured_name', 'insured_id_number', 'product_name', 'incident_at'],
    }),
  )) as any[];
  expect(saved).toMatchObject({
    status: 'registered',
    policy: policy.id,
    insured_name: insured.name,
    insured_id_number: insured.id_number,
    product_name: '意外伤害保险',
  });
  expect(saved.policy).not.toBe(otherPolicy.id);
  expect(page.url()).toMatch(new RegExp(`/claim_reports/${saved.id}$`));
  expect(await outcome(page).innerText()).toContain(`报案号 ${saved.report_no}`);
  // 昨天 9:05 as the clerk typed it, in the business time zone.
  const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  expect(new Date(saved.incident_at).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' })).toBe(`${yesterday} 09:05:00`);

  console.info(`[phone call] in-force policy by name: ${call.interactions} interactions`);
  expect(call.interactions).toBeLessThanOrEqual(15);
  await page.close();
}, 300_000);

test('phone call, lapsed policy: 不予受理 with the reason on screen and the notice printed from there (≤ 20 interactions)', async () => {
  const admin = await asAdmin();
  const { policy, insured } = await namesakes(admin, 'lapsed');
  const { page } = await clerkOnNewReport();
  const call = new PhoneCall(page);

  await call.findPolicy(insured.name, policy.policy_no);
  const reporter = `报案人${Date.now()}`;
  await takeTheCall(call, reporter);

  await page.waitForURL(/\/claim_reports\/\d+$/, { timeout: 20_000 });
  await outcome(page).getByText('不予受理', { exact: true }).waitFor({ state: 'visible' });
  expect(await outcome(page).innerText()).toContain('保单已失效或终止');
  const [popup] = await Promise.all([page.waitForEvent('popup'), call.click(outcome(page).getByText('打印通知书'))]);
  await popup.waitForURL(/\/after-sales\/letters\/\d+\/print/);
  await popup.waitForLoadState('load');
  const printed = await popup.content();
  const [saved] = (await admin.request(
    readItems('claim_reports', {
      filter: { reporter_name: { _eq: reporter } },
      fields: ['id', 'report_no', 'status', 'rejection_reasons'],
    }),
  )) as any[];
  expect(saved).toMatchObject({ status: 'not_accepted', rejection_reasons: ['policy_lapsed'] });
  for (const expected of ['不予受理通知书', '保单已失效或终止', saved.report_no]) expect(printed).toContain(expected);
  await outcome(page)
    .getByText(/已出具 /)
    .waitFor({ state: 'visible' });

  console.info(`[phone call] lapsed policy to the printed notice: ${call.interactions} interactions`);
  expect(call.interactions).toBeLessThanOrEqual(20);
  await page.close();
}, 300_000);

test('the 现场保全 wording shows beside 死亡人数 when someone died, not at the top of the form', async () => {
  const { page } = await clerkOnNewReport();
  const top = page.locator('.after-sales-guidance').first();
  await top.getByText('接报案开场').waitFor({ state: 'visible' });
  await fillText(page, '死亡人数', '1');
  const scene = formField(page, '现场保全话术');
  await scene.getByText('请您注意保护好事故现场').waitFor({ state: 'visible' });
  expect(await top.innerText()).not.toContain('请您注意保护好事故现场');
  const deaths = await formField(page, '死亡人数').boundingBox();
  const wording = await scene.boundingBox();
  expect(wording!.y - deaths!.y).toBeGreaterThan(0);
  expect(wording!.y - deaths!.y).toBeLessThan(250);
  await page.close();
}, 300_000);

test('a second call about the same accident: the clerk is offered the open report and records the call on it', async () => {
  const admin = await asAdmin();
  const { policy, insured } = await namesakes(admin, 'in_force');
  const { clerk, page } = await clerkOnNewReport();
  const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const first = await clerk.client.request(
    createItem('claim_reports', claimReportPayload(policy.id, { insured_name: insured.name, incident_at: `${yesterday}T09:05:00+08:00` })),
  );

  await findPolicy(page, insured.name, policy.policy_no);
  await typeDateTime(page, '出险时间', '昨天 15:30');
  const offer = page.locator('.after-sales-policy-lookup .open-report', { hasText: '不能重复登记' });
  expect(await offer.innerText()).toContain(`已有报案 ${first.report_no}（已登记）`);
  await offer.getByText('打开原报案，记录本次来电').click();
  // Directus asks before leaving the unsaved new report.
  await page.locator('button', { hasText: '不保存修改并离开此页' }).first().click();
  await page.waitForURL(new RegExp(`/claim_reports/${first.id}$`));

  await formField(page, '后续来电')
    .locator('button')
    .filter({ has: page.locator('[data-icon="add"]') })
    .first()
    .click();
  const drawer = page.locator('.v-drawer').last();
  await drawer.waitFor({ state: 'visible' });
  await typeDateTime(page, '来电时间', '现在');
  await fillText(page, '来电人', '王五');
  await fillText(page, '询问内容', '询问理赔需要哪些材料');
  await drawer
    .locator('.actions button')
    .filter({ has: page.locator('[data-icon="check"]') })
    .first()
    .click();
  await drawer.waitFor({ state: 'hidden' });
  await saveForm(page);
  const calls = () =>
    admin.request(
      readItems('report_follow_up_calls', {
        filter: { claim_report: { _eq: first.id } },
        fields: ['caller_name', 'question', 'called_at'],
      }),
    );
  await expect
    .poll(calls, { timeout: 60_000, interval: 1000 })
    .toEqual([expect.objectContaining({ caller_name: '王五', question: '询问理赔需要哪些材料' })]);
  expect((await admin.request(readItems('claim_reports', { filter: { policy: { _eq: policy.id } }, fields: ['id'] }))).length).toBe(1);
  await page.close();
}, 300_000);
