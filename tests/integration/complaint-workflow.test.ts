import { createItem, deleteItem, readItem, readItems, readNotifications, updateItem } from '@directus/sdk';
import { beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser, failure, type Client, type StaffUser } from '../helpers/api';
import { complaintPayload } from '../helpers/fixtures';

let admin: Client;
let clerk: StaffUser, gm: StaffUser, deputy: StaffUser, ops: StaffUser, tech: StaffUser;

beforeAll(async () => {
  admin = await asAdmin();
  [clerk, gm, deputy, ops, tech] = await Promise.all([
    createStaffUser('市场部'), createStaffUser('总经理室'), createStaffUser('总经理室', ['副总经理']), createStaffUser('运营部'), createStaffUser('技术部'),
  ]);
});

const move = (user: StaffUser, id: number, stage: string, fields: Record<string, unknown> = {}) =>
  user.client.request(updateItem('complaints', id, { ...fields, stage }));

async function steps(id: number, count: number): Promise<any[]> {
  for (let i = 0; i < 50; i++) {
    const rows = await admin.request(readItems('complaint_steps', { filter: { complaint: { _eq: id } }, sort: ['id'], limit: -1 }));
    if (rows.length >= count) return rows;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`complaint ${id} has fewer than ${count} steps`);
}

/** 24:00 Shanghai of the N-th day after the Shanghai date of `instant`. */
function endOfShanghaiDay(instant: string, days: number): string {
  const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(instant));
  const date = new Date(`${local}T00:00:00+08:00`);
  return new Date(date.getTime() + (days + 1) * 86_400_000).toISOString();
}

describe('a complaint walks through all five departments', () => {
  test('every stage by the right users, with number, deadlines, approval and the step log', async () => {
    const draft = await clerk.client.request(createItem('complaints', complaintPayload({ handling_opinion: '客户来电投诉' })));
    expect(draft).toMatchObject({ stage: 'draft', complaint_no: null, holding_department: 'market' });
    await move(clerk, draft.id, 'submitted', { handling_opinion: '请总经理室受理' });
    const registered = await move(gm, draft.id, 'registered');
    const period = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: '2-digit', month: '2-digit' }).format(new Date()).replace('-', '');
    expect(registered.complaint_no).toMatch(new RegExp(`^${period}\\d{2,}$`));
    expect(Date.now() - Date.parse(registered.registered_at)).toBeLessThan(60_000);
    expect(registered.due_at).toBe(endOfShanghaiDay(registered.registered_at, 13));

    await move(gm, draft.id, 'investigating');
    await move(ops, draft.id, 'tech_analysis', { investigation_cause: '系统未提示续保', responsibility: '运营部', handling_opinion: '请技术部分析' });
    await move(tech, draft.id, 'plan_review', { tech_analysis: '续保提醒任务未执行' });
    const tooLow = await failure(move(gm, draft.id, 'negotiating', { gm_opinion: '退还多收保费', offer_amount: 8000 }));
    expect(tooLow).toMatchObject({ status: 403, message: '拟处理金额 8,000 元须由“副总经理”或更高级别核决，您的核决权限不足。请呈副总经理核决。' });
    const approved = await move(deputy, draft.id, 'negotiating', { gm_opinion: '退还多收保费', offer_amount: 8000 });
    expect(approved).toMatchObject({ approval_level: '副总经理', approved_by: deputy.id, holding_department: 'market' });
    await move(clerk, draft.id, 'final_review', { negotiation_result: '客户同意退还8000元', supervisor_reviewed: true, customer_accepted: true });
    // K-PENALTY: the chosen standard fills the loss amount, penalty type and sanction flag.
    const [standard] = (await admin.request(readItems('penalty_standards', { filter: { code: { _eq: 'P02' } }, fields: ['id'] }))) as any[];
    const closed = await move(deputy, draft.id, 'closed', { responsible_department: 'operations', penalty_standard: standard.id, countermeasures: '修复续保提醒' });
    expect(closed).toMatchObject({ stage: 'closed', penalty_type: 'fine', administrative_sanction: false });
    expect(Number(closed.loss_amount)).toBe(500);
    expect(Date.now() - Date.parse(closed.closed_at)).toBeLessThan(60_000);

    const log = await steps(draft.id, 9);
    expect(log.map((s) => [s.from_stage, s.to_stage, s.department])).toEqual([
      [null, 'draft', 'market'],
      ['draft', 'submitted', 'gm_office'],
      ['submitted', 'registered', 'gm_office'],
      ['registered', 'investigating', 'operations'],
      ['investigating', 'tech_analysis', 'tech'],
      ['tech_analysis', 'plan_review', 'gm_office'],
      ['plan_review', 'negotiating', 'market'],
      ['negotiating', 'final_review', 'gm_office'],
      ['final_review', 'closed', null],
    ]);
    expect(log.map((s) => s.actor)).toEqual([clerk.id, clerk.id, gm.id, gm.id, ops.id, tech.id, deputy.id, clerk.id, deputy.id]);
    expect(log[1].opinion).toBe('请总经理室受理');
    for (let i = 0; i < log.length - 1; i++) expect(log[i].completed_at, `step ${i}`).toBe(log[i + 1].entered_at);
    expect(log.find((s) => s.to_stage === 'investigating').due_at).toBe(endOfShanghaiDay(log.find((s) => s.to_stage === 'investigating').entered_at, 3));

    // K-COPIES: the closed form stays readable by Market, Operations and the GM Office.
    for (const user of [clerk, ops, gm]) expect((await user.client.request(readItem('complaints', draft.id))).stage).toBe('closed');
  });
});

describe('the workflow refuses what the rules do not allow', () => {
  test('wrong department, skipped stage, missing fields, commitment before approval, editing the log', async () => {
    const c = await clerk.client.request(createItem('complaints', complaintPayload({ stage: 'submitted' })));
    expect(c.stage).toBe('submitted');
    expect(await failure(move(ops, c.id, 'registered'))).toMatchObject({ status: 403, message: '“已送总经理室” → “已登记编号” 由总经理室办理，您所在的部门（运营部）不能执行。' });
    await move(gm, c.id, 'registered');
    expect(await failure(move(gm, c.id, 'plan_review'))).toMatchObject({ status: 400, message: '不能从“已登记编号”直接转到“总经理室综合意见”。下一步只能是：“运营部调查”。' });
    await move(gm, c.id, 'investigating');
    expect(await failure(move(ops, c.id, 'plan_review', { investigation_cause: '延误' }))).toMatchObject({ status: 400, message: '进入“总经理室综合意见”前必须填写：责任归属、处理及改善对策。' });
    expect((await admin.request(readItem('complaints', c.id))).stage).toBe('investigating');

    const d = await clerk.client.request(createItem('complaints', complaintPayload()));
    const promise = await failure(clerk.client.request(updateItem('complaints', d.id, { negotiation_result: '答应客户全额赔付' })));
    expect(promise.status).toBe(403);
    expect(promise.message).toContain('不得向客户作任何答复、承诺或承认');
    expect(await failure(clerk.client.request(createItem('complaints', complaintPayload({ stage: 'registered' }))))).toMatchObject({ status: 400 });

    const [step] = await steps(c.id, 1);
    expect(await failure(admin.request(updateItem('complaint_steps', step.id, { opinion: '改写记录' })))).toMatchObject({ status: 403, message: '投诉处理记录只能由系统追加，任何人不得修改或删除。' });
    expect((await failure(admin.request(deleteItem('complaint_steps', step.id)))).status).toBe(403);
  });
});

test('200 registrations from 20 concurrent clients get 200 distinct numbers with no gap (K-NUMBER)', async () => {
  const created = await admin.request(createItem('complaints', Array.from({ length: 200 }, (_, i) => complaintPayload({ stage: 'submitted', customer_name: `并发客户${i}` })) as any)) as any[];
  const ids = created.map((c) => c.id);
  const lanes = Array.from({ length: 20 }, (_, lane) => ids.filter((_, i) => i % 20 === lane));
  await Promise.all(lanes.map(async (lane) => {
    for (const id of lane) await gm.client.request(updateItem('complaints', id, { stage: 'registered' }));
  }));
  const numbers = (await admin.request(readItems('complaints', { filter: { id: { _in: ids } }, fields: ['complaint_no'], limit: -1 }))).map((c: any) => c.complaint_no);
  expect(new Set(numbers).size).toBe(200);
  const period = numbers[0].slice(0, 4);
  const given: string[] = (await admin.request(readItems('complaints', { filter: { complaint_no: { _starts_with: period } }, fields: ['complaint_no'], limit: -1 }))).map((c: any) => c.complaint_no);
  const all = given.map((no) => Number(no.slice(4)));
  expect(all.sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
  // Written as the numbering rule says: the serial padded to two digits, growing past them (…99, …100).
  expect(all.length).toBeGreaterThan(100);
  expect(given.filter((no) => no !== `${period}${String(Number(no.slice(4))).padStart(2, '0')}`)).toEqual([]);
});

test('a customer who does not accept the outcome gets a new complaint linked to the original (K-REOPEN)', async () => {
  const original = await admin.request(createItem('complaints', complaintPayload({ stage: 'final_review', customer_name: '不接受的客户', negotiation_result: '仅退一半' })));
  await deputy.client.request(updateItem('complaints', original.id, { stage: 'closed', customer_accepted: false, responsible_department: 'market', penalty_type: 'none', offer_amount: 100 }));
  let reopened: any[] = [];
  for (let i = 0; i < 50 && reopened.length === 0; i++) {
    reopened = await clerk.client.request(readItems('complaints', { filter: { parent_complaint: { _eq: original.id } } }));
    if (!reopened.length) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(reopened).toHaveLength(1);
  expect(reopened[0]).toMatchObject({ stage: 'draft', customer_name: '不接受的客户', demand: original.demand });
});

describe('monthly statistics (K-MONTHLY)', () => {
  test('the GM Office builds the table of a month; it equals the hand count', async () => {
    const closedIn = (registered: string, closedAt: string, department: string, countermeasures: string | null) =>
      admin.request(createItem('complaints', complaintPayload({ stage: 'closed', registered_at: registered, closed_at: closedAt, responsible_department: department, countermeasures })));
    await closedIn('2025-03-01T02:00:00.000Z', '2025-03-05T02:00:00.000Z', 'operations', '核对地址');
    await closedIn('2025-03-02T02:00:00.000Z', '2025-03-25T02:00:00.000Z', 'operations', null);
    await closedIn('2025-03-10T02:00:00.000Z', '2025-03-12T02:00:00.000Z', 'market', '加强培训');
    await closedIn('2025-03-20T02:00:00.000Z', '2025-04-01T02:00:00.000Z', 'market', null);

    const call = async (user: StaffUser, period: string) => {
      const { status, json } = await callEndpoint(user.client, 'POST', `/after-sales/stats/${period}`);
      return { status, body: json };
    };
    const built = await call(gm, '2025-03');
    expect(built.status).toBe(200);
    expect(built.body.data).toMatchObject({
      period: '2025-03', closed_count: 3, overdue_count: 1, avg_days_to_close: 9.67,
      by_department: { operations: { label: '运营部', count: 2, ratio: 0.6667 }, market: { label: '市场部', count: 1, ratio: 0.3333 } },
    });
    const again = await call(gm, '2025-03');
    expect(again.body.data.id).toBe(built.body.data.id);
    expect(await admin.request(readItems('complaint_monthly_stats', { filter: { period: { _eq: '2025-03' } } }))).toHaveLength(1);
    expect((await call(clerk, '2025-03')).status).toBe(403);
    expect((await call(gm, '2025-3')).body.errors[0].message).toBe('统计月份 “2025-3” 无效：应为 YYYY-MM 格式，例如 2026-11。');
  });
});

test('a complaint involving another company is flagged to the GM Office once (K-OTHERCO)', async () => {
  const c = await clerk.client.request(createItem('complaints', complaintPayload({ involves_other_company: true, other_company_name: '某某保险公估公司' })));
  await clerk.client.request(updateItem('complaints', c.id, { market_opinion: '需会同公估公司处理' }));
  let notices: any[] = [];
  for (let i = 0; i < 50 && notices.length === 0; i++) {
    notices = await gm.client.request(readNotifications({ filter: { collection: { _eq: 'complaints' }, item: { _eq: String(c.id) } } }));
    if (!notices.length) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  notices = await gm.client.request(readNotifications({ filter: { collection: { _eq: 'complaints' }, item: { _eq: String(c.id) } } }));
  expect(notices.map((n) => n.subject)).toEqual(['【涉及其他公司】#' + c.id]);
  expect(notices[0]!.message).toContain('某某保险公估公司');
});
