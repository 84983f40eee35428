import { createItem, readItem, readItems, readNotifications, updateItem } from '@directus/sdk';
import { beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser, failure, type Client, type StaffUser } from '../helpers/api';
import { closedInMonthPayload, closedPayload, complaintHistory, complaintPayload } from '../helpers/fixtures';
import { until } from '../helpers/poll';

let admin: Client;
let ops: StaffUser;
let opsHead: StaffUser;
let gm: StaffUser;
let clerk: StaffUser;
let marketManager: StaffUser;
let tech: StaffUser;
let quality: StaffUser;

beforeAll(async () => {
  admin = await asAdmin();
  [ops, opsHead, gm, clerk, marketManager, tech, quality] = await Promise.all([
    createStaffUser('运营部'),
    createStaffUser('运营部', ['部门主管']),
    createStaffUser('总经理室'),
    createStaffUser('市场部'),
    createStaffUser('市场部', ['业务部经理']),
    createStaffUser('技术部'),
    createStaffUser('质量管理部'),
  ]);
});

const investigating = () =>
  admin.request(createItem('complaints', complaintPayload({ stage: 'investigating', registered_at: '2026-11-20T02:00:00.000Z' })));
/** The entries of this follow-up item in the user's 售后工作台. */
const workFor = async (user: StaffUser, id: number) => {
  const { json } = await callEndpoint(user.client, 'GET', '/after-sales/workbench?limit=200');
  return (json.data.entries as any[]).filter((entry) => entry.collection === 'improvement_measures' && String(entry.id) === String(id));
};
const historyHas = (complaint: number, part: string) =>
  until(
    () => complaintHistory(gm.client, complaint),
    (steps) => steps.some((step) => String(step.opinion).includes(part)),
  );

describe('责任人员 (K-RESPONSIBLE)', () => {
  test('Operations proposes persons; each penalty applies once the head of the person’s own department confirms it', async () => {
    const complaint = await investigating();
    const propose = (fields: Record<string, unknown>) =>
      ops.client.request(
        createItem('responsible_persons', {
          complaint: complaint.id,
          responsibility: '未及时转交理赔材料',
          penalty_type: 'warning',
          ...fields,
        }),
      );
    const clerkPerson = await propose({ user: clerk.id, person_name: '市场部 测试员', department: 'market' });
    expect(clerkPerson).toMatchObject({ confirmation: 'pending', proposed_by: ops.id, confirmed_by: null });
    expect(Date.now() - Date.parse(clerkPerson.proposed_at)).toBeLessThan(60_000);
    const named = await propose({ person_name: '王五', department: 'operations', penalty_type: 'fine' });
    await historyHas(complaint.id, '拟定责任人员 王五（运营部），个人惩处：罚扣绩效，待主管确认');

    // Only Operations (or the GM Office) proposes; a confirmation is not typed in with the proposal.
    expect(
      (
        await failure(
          clerk.client.request(
            createItem('responsible_persons', {
              complaint: complaint.id,
              person_name: '甲',
              department: 'market',
              responsibility: '甲',
              penalty_type: 'none',
            }),
          ),
        )
      ).status,
    ).toBe(403);
    const forged = await failure(propose({ person_name: '乙', department: 'market', confirmation: 'confirmed' }));
    expect(forged).toMatchObject({ status: 400 });
    expect(forged.message).toContain('待主管确认');

    // The person themself, a colleague without the head's policy, and another department's head cannot confirm.
    const own = await failure(clerk.client.request(updateItem('responsible_persons', clerkPerson.id, { confirmation: 'confirmed' })));
    expect(own.status).toBe(403);
    expect(own.message).toContain('市场部');
    expect(
      (await failure(opsHead.client.request(updateItem('responsible_persons', clerkPerson.id, { confirmation: 'confirmed' })))).status,
    ).toBe(403);
    expect((await failure(tech.client.request(readItem('responsible_persons', clerkPerson.id)))).status).toBe(403);
    // Nor may the market's head rewrite Operations' proposal.
    const rewrite = await failure(
      marketManager.client.request(updateItem('responsible_persons', clerkPerson.id, { penalty_type: 'none' })),
    );
    expect(rewrite.status).toBe(403);
    expect(rewrite.message).toContain('运营部拟定');

    const disputedWithout = await failure(
      marketManager.client.request(updateItem('responsible_persons', clerkPerson.id, { confirmation: 'disputed' })),
    );
    expect(disputedWithout.status).toBe(400);
    expect(disputedWithout.message).toContain('主管意见');

    const confirmed = await marketManager.client.request(updateItem('responsible_persons', clerkPerson.id, { confirmation: 'confirmed' }));
    expect(confirmed).toMatchObject({ confirmation: 'confirmed', confirmed_by: marketManager.id });
    await historyHas(complaint.id, '市场部主管确认责任人员 市场部 测试员（市场部） 的个人惩处：警告');
    const disputed = await opsHead.client.request(
      updateItem('responsible_persons', named.id, { confirmation: 'disputed', confirmation_opinion: '延误系系统故障，不应罚扣' }),
    );
    expect(disputed).toMatchObject({ confirmation: 'disputed', confirmed_by: opsHead.id });
    const history = await historyHas(complaint.id, '运营部主管不同意责任人员 王五（运营部） 的个人惩处（罚扣绩效）：延误系系统故障');
    expect(history.filter((step) => String(step.opinion).includes('王五')).length).toBe(2);

    // Decided is decided: the proposer, the head and an administrator all leave it as it is.
    const rewritten = await failure(ops.client.request(updateItem('responsible_persons', clerkPerson.id, { penalty_type: 'demerit' })));
    expect(rewritten).toMatchObject({ status: 400, message: '主管已确认的责任人员不能再修改；如有异议，请呈签呈。' });
    expect((await failure(admin.request(updateItem('responsible_persons', named.id, { confirmation: 'confirmed' })))).status).toBe(400);
    expect(
      (await failure(admin.request(updateItem('responsible_persons', named.id, { confirmed_at: new Date().toISOString() })))).message,
    ).toContain('确认时间');
    expect(await admin.request(readItem('responsible_persons', clerkPerson.id))).toMatchObject({
      penalty_type: 'warning',
      confirmation: 'confirmed',
    });
    // The clerk reads their own department's persons; the complaint lists all of them.
    const mine = await clerk.client.request(readItems('responsible_persons', { filter: { complaint: { _eq: complaint.id } } }));
    expect(mine.map((row: any) => row.person_name)).toEqual(['市场部 测试员']);
  });
});

describe('改善对策 (K-IMPROVE)', () => {
  test('an owner department carries a measure out by its due date; the GM Office confirms the effect or sends it back', async () => {
    const complaint = await investigating();
    const measure = await ops.client.request(
      createItem('improvement_measures', {
        complaint: complaint.id,
        measure: '理赔材料当日扫描转交运营部',
        owner_department: 'market',
        due_date: '2026-12-31',
      }),
    );
    expect(measure).toMatchObject({ status: 'open', owner_department: 'market', due_at: '2026-12-31T16:00:00.000Z' });
    expect(Date.parse(measure.warn_at)).toBeLessThan(Date.parse(measure.due_at));
    await historyHas(complaint.id, '提出改善对策“理赔材料当日扫描转交运营部”，负责部门：市场部，完成期限：2026-12-31');
    // It waits in the owner's 工作台 with its due time, not in another department's.
    expect(await workFor(clerk, measure.id)).toMatchObject([{ kind: 'improvement_measure', task: '执行改善对策', dueAt: measure.due_at }]);
    expect(await workFor(ops, measure.id)).toEqual([]);

    expect(
      (
        await failure(
          clerk.client.request(
            createItem('improvement_measures', {
              complaint: complaint.id,
              measure: '自拟',
              owner_department: 'market',
              due_date: '2026-12-31',
            }),
          ),
        )
      ).status,
    ).toBe(403);
    // Tech neither sees nor completes the market's measure; the market cannot move its own due date.
    expect((await failure(tech.client.request(readItem('improvement_measures', measure.id)))).status).toBe(403);
    const later = await failure(clerk.client.request(updateItem('improvement_measures', measure.id, { due_date: '2027-03-31' })));
    expect(later.status).toBe(403);
    expect(later.message).toContain('完成期限');
    const empty = await failure(clerk.client.request(updateItem('improvement_measures', measure.id, { status: 'done' })));
    expect(empty.status).toBe(400);
    expect(empty.message).toContain('执行结果');
    expect(
      (await failure(ops.client.request(updateItem('improvement_measures', measure.id, { status: 'done', result: '代填' })))).status,
    ).toBe(403);

    const done = await clerk.client.request(
      updateItem('improvement_measures', measure.id, { status: 'done', result: '已建立当日扫描制度，12月起执行' }),
    );
    expect(done).toMatchObject({ status: 'done', done_by: clerk.id });
    await historyHas(complaint.id, '市场部完成改善对策“理赔材料当日扫描转交运营部”。执行结果：已建立当日扫描制度');
    // Done, it leaves the owner's hands: only the GM Office judges the effect.
    expect(await workFor(clerk, measure.id)).toEqual([]);
    expect(await workFor(gm, measure.id)).toMatchObject([{ kind: 'improvement_effect', task: '确认改善效果' }]);
    const rewrite = await failure(clerk.client.request(updateItem('improvement_measures', measure.id, { result: '改写' })));
    expect(rewrite).toMatchObject({ status: 400, message: '执行结果由负责部门（市场部）在执行中填写。' });
    expect((await failure(ops.client.request(updateItem('improvement_measures', measure.id, { status: 'confirmed' })))).status).toBe(403);
    const noReason = await failure(gm.client.request(updateItem('improvement_measures', measure.id, { status: 'open' })));
    expect(noReason.status).toBe(400);
    expect(noReason.message).toContain('效果确认意见');

    const back = await gm.client.request(
      updateItem('improvement_measures', measure.id, { status: 'open', effect_opinion: '抽查仍有隔日转交，请落实' }),
    );
    expect(back).toMatchObject({ status: 'open', done_at: null, done_by: null });
    await historyHas(complaint.id, '总经理室退回改善对策“理赔材料当日扫描转交运营部”（效果未达成）：抽查仍有隔日转交');
    await clerk.client.request(
      updateItem('improvement_measures', measure.id, { status: 'done', result: '增设专人每日核对，已连续两周当日转交' }),
    );
    const confirmed = await gm.client.request(
      updateItem('improvement_measures', measure.id, { status: 'confirmed', effect_opinion: '效果良好' }),
    );
    expect(confirmed).toMatchObject({ status: 'confirmed', effect_confirmed_by: gm.id });
    const history = await historyHas(complaint.id, '总经理室确认改善对策“理赔材料当日扫描转交运营部”的效果。效果良好');
    expect(history.filter((step) => String(step.opinion).includes('改善对策')).length).toBe(5);

    const after = await failure(admin.request(updateItem('improvement_measures', measure.id, { measure: '改写' })));
    expect(after.status).toBe(400);
    expect(after.message).toContain('效果已确认');
    const reopen = await failure(
      gm.client.request(updateItem('improvement_measures', measure.id, { status: 'open', effect_opinion: '再查' })),
    );
    expect(reopen.message).toContain('效果已确认');
    expect((await admin.request(readItem('improvement_measures', measure.id))).status).toBe('confirmed');
  });
});

describe('签呈批示通知呈报部门 (K-PETITION)', () => {
  test('the petitioning department is notified of the decision and its effect, once', async () => {
    const complaint = await admin.request(
      createItem('complaints', closedInMonthPayload('2026-10', '10', { responsible_department: 'operations' })),
    );
    const petition = await ops.client.request(
      createItem('petitions', { complaint: complaint.id, department: 'operations', content: '责任判定有异议' }),
    );
    await gm.client.request(updateItem('petitions', petition.id, { status: 'rejected', decision: '证据不足，维持原判' }));
    const notices = (read: StaffUser) => () =>
      read.client.request(
        readNotifications({
          filter: { subject: { _contains: petition.petition_no } },
          fields: ['subject', 'message', 'collection', 'item'],
        }),
      );
    const received = await until(notices(ops), (rows) => rows.length > 0);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      subject: `签呈 ${petition.petition_no} 未采纳`,
      collection: 'petitions',
      item: String(petition.id),
    });
    expect(received[0]!.message).toContain('未采纳：证据不足，维持原判');
    expect(await notices(opsHead)()).toHaveLength(1);
    expect(await notices(clerk)()).toHaveLength(0);
  });
});

describe('投诉质量检验确认 (K-QUALITY)', () => {
  test('a closed complaint is checked once by Operations or the quality department, in its history', async () => {
    const open = await investigating();
    const closed = await admin.request(createItem('complaints', closedInMonthPayload('2026-10', '09')));
    const notClosed = await failure(quality.client.request(createItem('quality_checks', { complaint: open.id, result: 'passed' })));
    expect(notClosed).toMatchObject({ status: 400, message: '只有已结案的投诉才能做质量检验确认。' });
    expect((await failure(clerk.client.request(createItem('quality_checks', { complaint: closed.id, result: 'passed' })))).status).toBe(
      403,
    );
    const noFindings = await failure(quality.client.request(createItem('quality_checks', { complaint: closed.id, result: 'failed' })));
    expect(noFindings).toMatchObject({ status: 400, message: '检验不合格时须在“检验意见”中写明问题。' });

    const check = await quality.client.request(
      createItem('quality_checks', { complaint: closed.id, result: 'failed', findings: '答复函未说明核准金额的依据' }),
    );
    expect(check).toMatchObject({ result: 'failed', checked_by: quality.id });
    await historyHas(closed.id, '投诉质量检验确认：不合格。答复函未说明核准金额的依据');
    const again = await failure(ops.client.request(createItem('quality_checks', { complaint: closed.id, result: 'passed' })));
    expect(again).toMatchObject({ status: 400, message: '该投诉已做过质量检验确认，不能重复检验。' });
    expect((await failure(quality.client.request(updateItem('quality_checks', check.id, { result: 'passed' })))).status).toBe(403);
    // The sweep finds nothing left to write: every state is in the history exactly once.
    const lines = (await complaintHistory(gm.client, closed.id)).length;
    expect((await callEndpoint(admin, 'POST', '/after-sales/sweep')).status).toBe(200);
    expect(await complaintHistory(gm.client, closed.id)).toHaveLength(lines);
    // The market reads the outcome of its complaint's check.
    expect((await clerk.client.request(readItem('quality_checks', check.id))).result).toBe('failed');
  });
});

describe('月度检讨：改善对策与责任比率 (K-MONTHLY, K-IMPROVE)', () => {
  test('the month’s table lists the measures not yet confirmed; each department head confirms the ratio once', async () => {
    const period = '2023-04';
    const complaint = await admin.request(
      createItem(
        'complaints',
        closedPayload(`${period}-02T02:00:00.000Z`, `${period}-12T02:00:00.000Z`, { responsible_department: 'operations' }),
      ),
    );
    const open = await ops.client.request(
      createItem('improvement_measures', {
        complaint: complaint.id,
        measure: '每周抽查移交时效',
        owner_department: 'operations',
        due_date: '2023-05-15',
      }),
    );
    const confirmedMeasure = await ops.client.request(
      createItem('improvement_measures', {
        complaint: complaint.id,
        measure: '已落实的对策',
        owner_department: 'operations',
        due_date: '2023-04-20',
      }),
    );
    await ops.client.request(updateItem('improvement_measures', confirmedMeasure.id, { status: 'done', result: '已执行' }));
    await gm.client.request(updateItem('improvement_measures', confirmedMeasure.id, { status: 'confirmed' }));

    await ops.client.request(createItem('quality_checks', { complaint: complaint.id, result: 'passed' }));
    const built = await callEndpoint(gm.client, 'POST', `/after-sales/stats/${period}`);
    expect(built.status).toBe(200);
    expect(built.json.data).toMatchObject({ closed_count: 1, quality_checked_count: 1 });
    expect(built.json.data.open_measures).toContainEqual({
      id: open.id,
      measure: '每周抽查移交时效',
      owner: '运营部',
      due_date: '2023-05-15',
      status: '执行中',
    });
    expect(built.json.data.open_measures.map((row: any) => row.id)).not.toContain(confirmedMeasure.id);
    const stats = built.json.data.id;

    const notHead = await failure(
      ops.client.request(createItem('responsibility_ratio_confirmations', { stats, department: 'operations', agreed: true })),
    );
    expect(notHead).toMatchObject({ status: 403, message: '责任归属及比率由运营部的主管确认。' });
    const otherDepartment = await failure(
      marketManager.client.request(createItem('responsibility_ratio_confirmations', { stats, department: 'operations', agreed: true })),
    );
    expect(otherDepartment.status).toBe(403);
    const noReason = await failure(
      marketManager.client.request(createItem('responsibility_ratio_confirmations', { stats, department: 'market', agreed: false })),
    );
    expect(noReason).toMatchObject({ status: 400 });
    expect(noReason.message).toContain('意见');

    const confirmed = await opsHead.client.request(
      createItem('responsibility_ratio_confirmations', { stats, department: 'operations', agreed: true, opinion: '同意' }),
    );
    expect(confirmed).toMatchObject({ confirmed_count: 1, confirmed_by: opsHead.id });
    expect(Number(confirmed.confirmed_ratio)).toBe(1);
    const twice = await failure(
      opsHead.client.request(
        createItem('responsibility_ratio_confirmations', { stats, department: 'operations', agreed: false, opinion: '改' }),
      ),
    );
    expect(twice).toMatchObject({ status: 400, message: `${period} 的责任比率本部门已确认，不能重复确认。` });
    expect(
      (await failure(opsHead.client.request(updateItem('responsibility_ratio_confirmations', confirmed.id, { agreed: false })))).status,
    ).toBe(403);
    const seen = await gm.client.request(
      readItem('complaint_monthly_stats', stats, { fields: ['ratio_confirmations.department', 'ratio_confirmations.agreed'] }),
    );
    expect(seen.ratio_confirmations).toEqual([{ department: 'operations', agreed: true }]);
  });
});
