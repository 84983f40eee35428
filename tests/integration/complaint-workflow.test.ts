import {
  createItem,
  deleteItem,
  readItem,
  readItems,
  readNotifications,
  readRevisions,
  readRoles,
  updateItem,
  updateItems,
  updateRole,
} from '@directus/sdk';
import { beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser, failure, moveComplaint, type Client, type StaffUser } from '../helpers/api';
import { closedInMonthPayload, closedPayload, complaintPayload, createCheckedComplaint } from '../helpers/fixtures';
import { pause, until } from '../helpers/poll';

let admin: Client;
let clerk: StaffUser, manager: StaffUser, gm: StaffUser, deputy: StaffUser, ops: StaffUser, tech: StaffUser;

beforeAll(async () => {
  admin = await asAdmin();
  [clerk, manager, gm, deputy, ops, tech] = await Promise.all([
    createStaffUser('市场部'),
    createStaffUser('市场部', ['业务部经理']),
    createStaffUser('总经理室'),
    createStaffUser('总经理室', ['副总经理']),
    createStaffUser('运营部'),
    createStaffUser('技术部'),
  ]);
});

/** A move through the 办理 endpoint; `handling_opinion` is the move's opinion. */
const move = (user: StaffUser, id: number, stage: string, fields: Record<string, unknown> = {}) => {
  const { handling_opinion: opinion, ...values } = fields;
  return moveComplaint(user.client, id, stage, values, opinion as string | undefined);
};
const review = (id: number) => manager.client.request(updateItem('complaints', id, { supervisor_reviewed: true }));

async function steps(id: number, count: number): Promise<any[]> {
  const rows = await until(
    () => admin.request(readItems('complaint_steps', { filter: { complaint: { _eq: id } }, sort: ['id'], limit: -1 })),
    (found) => found.length >= count,
  );
  if (rows.length < count) throw new Error(`complaint ${id} has fewer than ${count} steps`);
  return rows;
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
    const period = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: '2-digit', month: '2-digit' })
      .format(new Date())
      .replace('-', '');
    expect(registered.complaint_no).toMatch(new RegExp(`^${period}\\d{2,}$`));
    expect(Date.now() - Date.parse(registered.registered_at)).toBeLessThan(60_000);
    expect(registered.due_at).toBe(endOfShanghaiDay(registered.registered_at, 13));

    await move(gm, draft.id, 'investigating');
    await move(ops, draft.id, 'tech_analysis', {
      investigation_cause: '系统未提示续保',
      responsibility: '运营部',
      handling_opinion: '请技术部分析',
    });
    await move(tech, draft.id, 'plan_review', { tech_analysis: '续保提醒任务未执行' });
    await gm.client.request(updateItem('complaints', draft.id, { gm_opinion: '退还多收保费', offer_amount: 8000 }));
    const tooLow = await failure(move(gm, draft.id, 'negotiating'));
    expect(tooLow).toMatchObject({
      status: 403,
      message: '拟处理金额 8,000 元须由“副总经理”或更高级别核决（第十三条第5款），您没有该核决权限；有权核决的人员已在其待办中看到此件。',
    });
    expect((await failure(move(manager, draft.id, 'negotiating'))).status).toBe(403);
    const approved = await move(deputy, draft.id, 'negotiating');
    expect(approved).toMatchObject({ approval_level: '副总经理', approved_by: deputy.id, holding_department: 'market' });
    expect(Number(approved.approved_amount)).toBe(8000);
    await review(draft.id);
    await move(clerk, draft.id, 'final_review', { negotiation_result: '客户同意退还8000元', customer_accepted: true });
    // K-PENALTY: the chosen standard fills the loss amount, penalty type and sanction flag.
    const [standard] = (await admin.request(readItems('penalty_standards', { filter: { code: { _eq: 'P02' } }, fields: ['id'] }))) as any[];
    const closed = await move(deputy, draft.id, 'closed', {
      responsible_department: 'operations',
      penalty_standard: standard.id,
      countermeasures: '修复续保提醒',
    });
    expect(closed).toMatchObject({ stage: 'closed', penalty_type: 'fine', administrative_sanction: false });
    expect(Number(closed.loss_amount)).toBe(500);
    expect(Date.now() - Date.parse(closed.closed_at)).toBeLessThan(60_000);

    // Written with the move, in its transaction: there when the move answers.
    const log: any[] = await admin.request(
      readItems('complaint_steps', { filter: { complaint: { _eq: draft.id } }, sort: ['id'], limit: -1 }),
    );
    expect(log.map((s) => [s.from_stage, s.to_stage, s.department])).toEqual([
      [null, 'draft', 'market'],
      ['draft', 'submitted', 'gm_office'],
      ['submitted', 'registered', 'gm_office'],
      ['registered', 'investigating', 'operations'],
      ['investigating', 'tech_analysis', 'tech'],
      ['tech_analysis', 'plan_review', 'gm_office'],
      ['plan_review', 'negotiating', 'market'],
      ['negotiating', 'final_review', 'gm_office'],
      ['final_review', 'closed', 'gm_office'],
    ]);
    expect(log.map((s) => s.actor)).toEqual([clerk.id, clerk.id, gm.id, gm.id, ops.id, tech.id, deputy.id, clerk.id, deputy.id]);
    expect(log[1].opinion).toBe('请总经理室受理');
    for (let i = 0; i < log.length - 1; i++) expect(log[i].completed_at, `step ${i}`).toBe(log[i + 1].entered_at);
    expect(log.find((s) => s.to_stage === 'investigating').due_at).toBe(
      endOfShanghaiDay(log.find((s) => s.to_stage === 'investigating').entered_at, 3),
    );

    // K-COPIES: the closed form stays readable by Market, Operations and the GM Office.
    for (const user of [clerk, ops, gm]) expect((await user.client.request(readItem('complaints', draft.id))).stage).toBe('closed');
  });
});

describe('the workflow refuses what the rules do not allow', () => {
  test('wrong department, skipped stage, missing fields, commitment before approval, editing the log', async () => {
    const c = await clerk.client.request(createItem('complaints', complaintPayload({ stage: 'submitted' })));
    expect(c.stage).toBe('submitted');
    expect(await failure(move(ops, c.id, 'registered'))).toMatchObject({
      status: 403,
      message: '“已送总经理室” → “已登记编号” 由总经理室办理，您所在的部门（运营部）不能执行。',
    });
    expect((await admin.request(readItem('complaints', c.id))).complaint_no).toBeNull();
    await move(gm, c.id, 'registered');
    expect(await failure(move(gm, c.id, 'plan_review'))).toMatchObject({
      status: 400,
      message: '不能从“已登记编号”直接转到“总经理室综合意见”。下一步只能是：“运营部调查”。',
    });
    await move(gm, c.id, 'investigating');
    expect(await failure(move(ops, c.id, 'plan_review', { investigation_cause: '延误' }))).toMatchObject({
      status: 400,
      message: '进入“总经理室综合意见”前必须填写：责任归属、处理及改善对策。',
    });
    expect((await admin.request(readItem('complaints', c.id))).stage).toBe('investigating');

    const d = await clerk.client.request(createItem('complaints', complaintPayload()));
    const promise = await failure(clerk.client.request(updateItem('complaints', d.id, { negotiation_result: '答应客户全额赔付' })));
    expect(promise.status).toBe(403);
    expect(promise.message).toContain('不得向客户作任何答复、承诺或承认');
    expect(await failure(clerk.client.request(createItem('complaints', complaintPayload({ stage: 'registered' }))))).toMatchObject({
      status: 400,
    });

    const [step] = await steps(c.id, 1);
    expect(await failure(admin.request(updateItem('complaint_steps', step.id, { opinion: '改写记录' })))).toMatchObject({
      status: 403,
      message: '投诉处理记录只能由系统追加，任何人不得修改或删除。',
    });
    expect((await failure(admin.request(deleteItem('complaint_steps', step.id)))).status).toBe(403);
  });
});

test('200 registrations from 20 concurrent clients get 200 distinct numbers with no gap (K-NUMBER)', async () => {
  const created = (await admin.request(
    createItem(
      'complaints',
      Array.from({ length: 200 }, (_, i) => complaintPayload({ stage: 'submitted', customer_name: `并发客户${i}` })) as any,
    ),
  )) as any[];
  const ids = created.map((c) => c.id);
  const lanes = Array.from({ length: 20 }, (_, lane) => ids.filter((_, i) => i % 20 === lane));
  await Promise.all(
    lanes.map(async (lane) => {
      for (const id of lane) await move(gm, id, 'registered');
    }),
  );
  const numbers = (await admin.request(readItems('complaints', { filter: { id: { _in: ids } }, fields: ['complaint_no'], limit: -1 }))).map(
    (c: any) => c.complaint_no,
  );
  expect(new Set(numbers).size).toBe(200);
  const period = numbers[0].slice(0, 4);
  const given: string[] = (
    await admin.request(
      readItems('complaints', { filter: { complaint_no: { _starts_with: period } }, fields: ['complaint_no'], limit: -1 }),
    )
  ).map((c: any) => c.complaint_no);
  const all = given.map((no) => Number(no.slice(4)));
  expect(all.sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
  // Written as the numbering rule says: the serial padded to two digits, growing past them (…99, …100).
  expect(all.length).toBeGreaterThan(100);
  expect(given.filter((no) => no !== `${period}${String(Number(no.slice(4))).padStart(2, '0')}`)).toEqual([]);
});

test('a customer who does not accept the outcome gets a new complaint linked to the original (K-REOPEN)', async () => {
  const original = await admin.request(
    createItem(
      'complaints',
      complaintPayload({ stage: 'final_review', customer_name: '不接受的客户', negotiation_result: '仅退一半', offer_amount: 100 }),
    ),
  );
  await move(deputy, original.id, 'closed', { customer_accepted: false, responsible_department: 'market', penalty_type: 'none' });
  const reopened = await until(
    () => clerk.client.request(readItems('complaints', { filter: { parent_complaint: { _eq: original.id } } })),
    (found) => found.length > 0,
  );
  expect(reopened).toHaveLength(1);
  expect(reopened[0]).toMatchObject({ stage: 'draft', customer_name: '不接受的客户', demand: original.demand });
});

describe('monthly statistics (K-MONTHLY)', () => {
  test('the GM Office builds the table of a month; it equals the hand count', async () => {
    const closedIn = (registered: string, closedAt: string, department: string, countermeasures: string | null) =>
      createCheckedComplaint(admin, closedPayload(registered, closedAt, { responsible_department: department, countermeasures }));
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
      period: '2025-03',
      closed_count: 3,
      overdue_count: 1,
      avg_days_to_close: 9.67,
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
  const c = await clerk.client.request(
    createItem('complaints', complaintPayload({ involves_other_company: true, other_company_name: '某某保险公估公司' })),
  );
  await clerk.client.request(updateItem('complaints', c.id, { market_opinion: '需会同公估公司处理' }));
  const readNotices = () =>
    gm.client.request(readNotifications({ filter: { collection: { _eq: 'complaints' }, item: { _eq: String(c.id) } } }));
  await until(readNotices, (found) => found.length > 0);
  // Once, not once per hook run: a moment more for a second notice to show up if there were one.
  await pause(500);
  const notices = await readNotices();
  expect(notices.map((n) => n.subject)).toEqual(['【涉及其他公司】#' + c.id]);
  expect(notices[0]!.message).toContain('某某保险公估公司');
});

describe('moves are all-or-nothing and approvals bind (X-ACTIONS, K-AUTHORITY)', () => {
  const registered = async (fields: Record<string, unknown> = {}) => {
    const c = await clerk.client.request(createItem('complaints', complaintPayload({ stage: 'submitted', ...fields })));
    return move(gm, c.id, 'registered');
  };
  const atPlanReview = async () => {
    const c = await registered();
    await move(gm, c.id, 'investigating');
    await move(ops, c.id, 'plan_review', { investigation_cause: '延误', responsibility: '运营部', countermeasures: '加快' });
    return c;
  };

  test('a PATCH of the stage is refused for everyone, alone or in a batch, and takes no number', async () => {
    const a = await clerk.client.request(createItem('complaints', complaintPayload({ stage: 'submitted' })));
    const b = await clerk.client.request(createItem('complaints', complaintPayload({ stage: 'submitted' })));
    for (const client of [gm.client, admin]) {
      const refused = await failure(client.request(updateItem('complaints', a.id, { stage: 'registered' })));
      expect(refused.status).toBe(400);
      expect(refused.message).toContain('“办理”');
    }
    expect((await failure(admin.request(updateItems('complaints', [a.id, b.id], { stage: 'registered' })))).status).toBe(400);
    const rows = await admin.request(readItems('complaints', { filter: { id: { _in: [a.id, b.id] } }, fields: ['stage', 'complaint_no'] }));
    expect(rows).toEqual([
      { stage: 'submitted', complaint_no: null },
      { stage: 'submitted', complaint_no: null },
    ]);
  });

  test('a refused registration between two accepted ones leaves the two numbers consecutive (K-NUMBER)', async () => {
    const first = await registered();
    const refused = await clerk.client.request(createItem('complaints', complaintPayload({ stage: 'submitted' })));
    expect((await failure(move(ops, refused.id, 'registered'))).status).toBe(403);
    expect((await failure(move(gm, refused.id, 'registered', { involves_other_company: 'perhaps' }))).status).toBe(400);
    expect((await failure(move(gm, refused.id, 'registered', { gm_opinion: '先写意见' }))).status).toBe(400);
    const second = await registered();
    expect(Number(second.complaint_no.slice(4))).toBe(Number(first.complaint_no.slice(4)) + 1);
    const untouched = await admin.request(readItem('complaints', refused.id));
    expect(untouched).toMatchObject({ stage: 'submitted', complaint_no: null });
    expect(
      await admin.request(readItems('complaint_steps', { filter: { complaint: { _eq: refused.id }, to_stage: { _eq: 'registered' } } })),
    ).toEqual([]);
  });

  test('业务部经理 (a 市场部 user) approves within its authority; a clerk without the policy cannot', async () => {
    const c = await atPlanReview();
    // Before the GM Office puts an amount on the plan, the move is listed and refused to a clerk without a level.
    const unpriced = await callEndpoint(gm.client, 'GET', `/after-sales/complaints/${c.id}/moves`);
    expect(unpriced.status).toBe(200);
    expect(unpriced.json.data).toEqual([expect.objectContaining({ to: 'negotiating', allowed: false })]);
    await gm.client.request(updateItem('complaints', c.id, { gm_opinion: '退还保费', offer_amount: 3000 }));
    const moves = (await callEndpoint(clerk.client, 'GET', `/after-sales/complaints/${c.id}/moves`)).json.data;
    expect(moves).toEqual([
      expect.objectContaining({
        to: 'negotiating',
        allowed: false,
        approval_level: '业务部经理',
        reason: expect.stringContaining('业务部经理'),
      }),
    ]);
    expect((await failure(move(clerk, c.id, 'negotiating'))).status).toBe(403);
    const offered = (await callEndpoint(manager.client, 'GET', `/after-sales/complaints/${c.id}/moves`)).json.data;
    expect(offered[0]).toMatchObject({ to: 'negotiating', allowed: true, reason: null, confirm: expect.stringContaining('锁定') });
    const approved = await move(manager, c.id, 'negotiating');
    expect(approved).toMatchObject({ stage: 'negotiating', approval_level: '业务部经理', approved_by: manager.id });
  });

  test('an approved amount or opinion cannot be changed, by the clerk or an administrator, until the plan goes back and is approved again', async () => {
    const c = await atPlanReview();
    await gm.client.request(updateItem('complaints', c.id, { gm_opinion: '退还保费', offer_amount: 3000 }));
    await move(manager, c.id, 'negotiating');
    for (const [client, changes] of [
      [clerk.client, { offer_amount: 30000 }],
      [admin, { offer_amount: 30000 }],
      [admin, { gm_opinion: '全额赔付' }],
      [gm.client, { gm_opinion: '全额赔付' }],
    ] as const) {
      const refused = await failure(client.request(updateItem('complaints', c.id, changes)));
      expect(refused.status).toBe(403);
    }
    expect((await failure(admin.request(updateItem('complaints', c.id, { offer_amount: 30000 })))).message).toContain('已经核决');
    expect(Number((await admin.request(readItem('complaints', c.id))).offer_amount)).toBe(3000);

    const back = await move(gm, c.id, 'plan_review', { handling_opinion: '客户要求提高金额' });
    expect(back).toMatchObject({ stage: 'plan_review', approved_at: null, approved_by: null, approval_level: null, approved_amount: null });
    await gm.client.request(updateItem('complaints', c.id, { offer_amount: 30000 }));
    expect((await failure(move(manager, c.id, 'negotiating'))).status).toBe(403);
    const again = await move(deputy, c.id, 'negotiating');
    expect(again).toMatchObject({ approval_level: '副总经理' });
    expect(Number(again.approved_amount)).toBe(30000);
  });

  test('主管已核阅 is ticked only by a holder of 业务部经理 or higher; commitments wait for the approval', async () => {
    const c = await atPlanReview();
    await gm.client.request(updateItem('complaints', c.id, { gm_opinion: '道歉', offer_amount: 0 }));
    expect((await failure(clerk.client.request(updateItem('complaints', c.id, { negotiation_result: '已答应赔付' })))).status).toBe(403);
    await move(manager, c.id, 'negotiating');
    await clerk.client.request(updateItem('complaints', c.id, { negotiation_result: '客户接受道歉' }));
    const own = await failure(clerk.client.request(updateItem('complaints', c.id, { supervisor_reviewed: true })));
    expect(own).toMatchObject({ status: 403, message: expect.stringContaining('主管已核阅') });
    expect((await failure(move(clerk, c.id, 'final_review'))).message).toContain('主管已核阅');
    expect((await failure(move(clerk, c.id, 'final_review', { supervisor_reviewed: true }))).status).toBe(400);
    await review(c.id);
    expect((await move(clerk, c.id, 'final_review', { customer_accepted: true })).stage).toBe('final_review');
  });

  test('fields belong to the department whose turn it is; a closed complaint is read-only to staff', async () => {
    const c = await atPlanReview();
    const techWrite = await failure(tech.client.request(updateItem('complaints', c.id, { gm_opinion: '技术部代写' })));
    expect(techWrite.status).toBe(403);
    expect((await failure(ops.client.request(updateItem('complaints', c.id, { market_opinion: '改写' })))).status).toBe(403);
    const closed = await admin.request(createItem('complaints', closedInMonthPayload('2026-11', '05', { investigation_cause: '原因' })));
    const gmEdit = await failure(
      gm.client.request(updateItem('complaints', closed.id, { investigation_cause: '改写原因', customer_accepted: false })),
    );
    expect(gmEdit).toMatchObject({ status: 403, message: expect.stringContaining('已结案') });
    // An administrator's correction is allowed and kept in the item's history.
    await admin.request(updateItem('complaints', closed.id, { investigation_cause: '管理员更正' }));
    const revisions = await admin.request(
      readRevisions({ filter: { collection: { _eq: 'complaints' }, item: { _eq: String(closed.id) } }, fields: ['delta'] }),
    );
    expect(revisions.some((r: any) => r.delta?.investigation_cause === '管理员更正')).toBe(true);
  });

  test('the holders of the needed level are told that a plan waits for them', async () => {
    const c = await atPlanReview();
    await gm.client.request(updateItem('complaints', c.id, { gm_opinion: '退费', offer_amount: 20000 }));
    const noticesOf = (user: StaffUser) =>
      user.client.request(
        readNotifications({ filter: { collection: { _eq: 'complaints' }, item: { _eq: String(c.id) } }, fields: ['subject', 'message'] }),
      );
    await expect.poll(async () => (await noticesOf(deputy)).length, { timeout: 10_000 }).toBe(1);
    expect((await noticesOf(deputy))[0]!.subject).toContain('【待核决】');
    expect(await noticesOf(manager)).toEqual([]);
    expect(await noticesOf(gm)).toEqual([]);
    // …and find it in their work queue with the stage's clock; a lower level does not.
    const queue = async (user: StaffUser) =>
      (await callEndpoint(user.client, 'GET', '/after-sales/workbench')).json.data.entries.filter(
        (e: any) => e.kind === 'approval' && e.id === String(c.id),
      );
    expect(await queue(deputy)).toEqual([expect.objectContaining({ task: '核决处理方案', dueAt: expect.any(String) })]);
    expect(await queue(manager)).toEqual([]);
  });

  test('a renamed department role keeps working (departments are role records, not names)', async () => {
    const [role] = await admin.request(readRoles({ filter: { name: { _eq: '市场部' } }, fields: ['id'] }));
    await admin.request(updateRole(role!.id, { name: '市场部（业务部）' }));
    try {
      const c = await clerk.client.request(createItem('complaints', complaintPayload()));
      expect((await move(clerk, c.id, 'submitted')).stage).toBe('submitted');
      expect((await failure(move(clerk, c.id, 'registered'))).status).toBe(403);
    } finally {
      await admin.request(updateRole(role!.id, { name: '市场部' }));
    }
  });
});
