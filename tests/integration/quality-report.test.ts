import { createItem, readItem, readItems, readNotifications, updateItem } from '@directus/sdk';
import { beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser, failure, moveComplaint, type Client, type StaffUser } from '../helpers/api';
import { closedInMonthPayload, closedPayload, complaintHistory, complaintPayload } from '../helpers/fixtures';
import { until } from '../helpers/poll';

let admin: Client;
let ops: StaffUser;
let gm: StaffUser;
let clerk: StaffUser;
let quality: StaffUser;

beforeAll(async () => {
  admin = await asAdmin();
  [ops, gm, clerk, quality] = await Promise.all([
    createStaffUser('运营部'),
    createStaffUser('总经理室'),
    createStaffUser('市场部'),
    createStaffUser('质量管理部'),
  ]);
});

const sweep = async () => {
  const { status, json } = await callEndpoint(admin, 'POST', '/after-sales/sweep');
  expect(status).toBe(200);
  return json.data as { urges: number };
};
const urgesOf = (collection: string, item: number) =>
  admin.request(
    readItems('urge_notices', {
      filter: { collection: { _eq: collection }, item: { _eq: String(item) } },
      fields: ['department', 'reason', 'clock_key', 'due_at'],
    }),
  ) as Promise<any[]>;
const historyOf = async (complaint: number) =>
  (await complaintHistory(gm.client, complaint)).filter((step) => String(step.opinion).includes('质量报告'));

describe('质量报告呈总经理批示 (K-REPORT3D)', () => {
  test('the end of the investigation starts a clock of 3 working days; the report stops it', async () => {
    const complaint = await admin.request(
      createItem('complaints', complaintPayload({ stage: 'investigating', registered_at: new Date(Date.now() - 3_600_000).toISOString() })),
    );
    const early = await failure(quality.client.request(createItem('quality_reports', { complaint: complaint.id, report: '初步情况' })));
    expect(early).toMatchObject({ status: 400, message: '该投诉运营部尚未调查完毕，调查完毕后才能提出质量报告。' });
    const before = Date.now();
    await moveComplaint(ops.client, complaint.id, 'plan_review', {
      investigation_cause: '理赔材料移交延误',
      responsibility: '运营部',
      countermeasures: '移交当日登记',
    });
    const moved = await admin.request(readItem('complaints', complaint.id));
    expect(Date.parse(moved.investigated_at)).toBeGreaterThanOrEqual(before - 1000);
    // 3 working days: 24:00 Shanghai of a day at least 3 and (with a holiday week) at most 12 days later.
    const due = Date.parse(moved.gm_report_due_at);
    expect(moved.gm_report_due_at).toMatch(/T16:00:00\.000Z$/);
    expect(due - Date.parse(moved.investigated_at)).toBeGreaterThan(3 * 86_400_000 - 16 * 3_600_000);
    expect(due - Date.parse(moved.investigated_at)).toBeLessThan(12 * 86_400_000);
    expect(moved.gm_reported_at).toBeNull();
    // The clock is the server's: nobody types it in.
    const forged = await failure(admin.request(updateItem('complaints', complaint.id, { gm_report_due_at: new Date().toISOString() })));
    expect(forged.status).toBe(400);
    expect(forged.message).toContain('质量报告期限');
  });

  test('late: the quality department is urged once, even after closing; it reports once, the GM instructs once, each in the history', async () => {
    // Back-entered: investigated Monday 9 June 2025, 10:00 Shanghai → due Thursday 12 June, 24:00.
    const complaint = await admin.request(
      createItem(
        'complaints',
        closedPayload('2025-06-05T02:00:00.000Z', '2025-06-16T02:00:00.000Z', {
          investigated_at: '2025-06-09T02:00:00.000Z',
          responsibility: '运营部',
          countermeasures: '移交当日登记',
        }),
      ),
    );
    expect(complaint.gm_report_due_at).toBe('2025-06-12T16:00:00.000Z');
    await sweep();
    const urges = await urgesOf('complaints', complaint.id);
    const reportUrges = urges.filter((urge) => String(urge.clock_key).includes(':quality_report:'));
    expect(reportUrges).toHaveLength(1);
    expect(reportUrges[0]).toMatchObject({ department: 'quality', due_at: '2025-06-12T16:00:00.000Z' });
    expect(reportUrges[0].reason).toContain('质量管理部调查处理后三天内报告总经理');
    expect(reportUrges[0].reason).toContain('请质量管理部立即办理');
    const told = await quality.client.request(
      readNotifications({ filter: { collection: { _eq: 'complaints' }, item: { _eq: String(complaint.id) } }, fields: ['subject'] }),
    );
    expect(told.some((notice: any) => String(notice.subject).startsWith('【催办】'))).toBe(true);
    await sweep();
    expect((await urgesOf('complaints', complaint.id)).filter((urge) => String(urge.clock_key).includes(':quality_report:'))).toHaveLength(
      1,
    );

    // Only the quality department reports (Operations and the market are refused), with text.
    expect((await failure(ops.client.request(createItem('quality_reports', { complaint: complaint.id, report: '代报' })))).status).toBe(
      403,
    );
    const withInstruction = await failure(
      quality.client.request(createItem('quality_reports', { complaint: complaint.id, report: '报告', gm_instruction: '同意' })),
    );
    expect(withInstruction).toMatchObject({ status: 403, message: '总经理批示由总经理室在报告提出后填写。' });
    const report = await quality.client.request(
      createItem('quality_reports', { complaint: complaint.id, report: '客户反映理赔移交迟延 <三天>，已查明原因并督促运营部改善。' }),
    );
    expect(report).toMatchObject({ status: 'reported', reported_by: quality.id, gm_instruction: null });
    expect(Date.now() - Date.parse(report.reported_at)).toBeLessThan(60_000);
    expect((await admin.request(readItem('complaints', complaint.id))).gm_reported_at).toBe(report.reported_at);
    const again = await failure(quality.client.request(createItem('quality_reports', { complaint: complaint.id, report: '再报' })));
    expect(again).toMatchObject({ status: 400, message: '该投诉已提出质量报告，不能重复报告。' });
    expect(await failure(quality.client.request(updateItem('quality_reports', report.id, { report: '改写' })))).toMatchObject({
      status: 400,
      message: '质量报告提出后不能修改报告内容。',
    });
    expect((await failure(quality.client.request(updateItem('quality_reports', report.id, { gm_instruction: '自批' })))).status).toBe(403);
    expect(await failure(gm.client.request(updateItem('quality_reports', report.id, { report: '改写' })))).toMatchObject({
      status: 400,
      message: '质量报告提出后不能修改报告内容。',
    });
    const forged = await failure(gm.client.request(updateItem('quality_reports', report.id, { status: 'instructed' })));
    expect(forged.status).toBe(400);
    expect(forged.message).toContain('状态');

    const instructed = await gm.client.request(
      updateItem('quality_reports', report.id, { gm_instruction: '请运营部一周内落实移交登记制度。' }),
    );
    expect(instructed).toMatchObject({ status: 'instructed', instructed_by: gm.id, report: report.report });
    const twice = await failure(gm.client.request(updateItem('quality_reports', report.id, { gm_instruction: '改批' })));
    expect(twice.status).toBeGreaterThanOrEqual(400);
    expect((await admin.request(readItem('quality_reports', report.id))).gm_instruction).toBe('请运营部一周内落实移交登记制度。');

    // Each a line in the complaint's history, exactly once (the sweep finds nothing left to write).
    const history = await until(
      () => historyOf(complaint.id),
      (steps) => steps.length >= 2,
    );
    await sweep();
    expect(await historyOf(complaint.id)).toEqual([
      {
        opinion: '质量管理部提出质量报告，呈总经理批示：客户反映理赔移交迟延 <三天>，已查明原因并督促运营部改善。',
        department: 'quality',
        actor: quality.id,
      },
      { opinion: '总经理批示质量报告：请运营部一周内落实移交登记制度。', department: 'gm_office', actor: gm.id },
    ]);
    expect(history).toHaveLength(2);
    // Reported: the clock stopped, nothing more is urged.
    expect((await urgesOf('complaints', complaint.id)).filter((urge) => String(urge.clock_key).includes(':quality_report:'))).toHaveLength(
      1,
    );
    // The market does not read the quality reports; Operations does.
    expect((await failure(clerk.client.request(readItem('quality_reports', report.id)))).status).toBe(403);
    expect((await ops.client.request(readItem('quality_reports', report.id))).status).toBe('instructed');
  });
});

describe('统计表只计已质量检验的结案投诉 (K-QUALITY)', () => {
  test('a closed complaint counts in the month once its quality check is done; the others are shown apart', async () => {
    const period = '2022-08';
    const closedIn = (day: string, department: string) =>
      admin.request(
        createItem(
          'complaints',
          closedInMonthPayload(period, day, { responsible_department: department, countermeasures: `${department} 对策` }),
        ),
      );
    const checked = await closedIn('05', 'operations');
    const unchecked = await closedIn('09', 'market');
    await quality.client.request(createItem('quality_checks', { complaint: checked.id, result: 'passed' }));
    const first = await callEndpoint(gm.client, 'POST', `/after-sales/stats/${period}`);
    expect(first.status).toBe(200);
    expect(first.json.data).toMatchObject({
      closed_count: 1,
      unchecked_count: 1,
      quality_checked_count: 1,
      avg_days_to_close: 4,
      by_department: { operations: { label: '运营部', count: 1, ratio: 1 } },
    });
    expect(first.json.data.by_department.market).toBeUndefined();
    expect(first.json.data.improvement_actions).not.toContain('market 对策');

    await ops.client.request(createItem('quality_checks', { complaint: unchecked.id, result: 'failed', findings: '答复未说明依据' }));
    const second = await callEndpoint(gm.client, 'POST', `/after-sales/stats/${period}`);
    expect(second.json.data).toMatchObject({ closed_count: 2, unchecked_count: 0, quality_checked_count: 2 });
    const [stored] = (await gm.client.request(
      readItems('complaint_monthly_stats', { filter: { period: { _eq: period } }, fields: ['closed_count', 'unchecked_count'] }),
    )) as any[];
    expect(stored).toEqual({ closed_count: 2, unchecked_count: 0 });
    const forged = await failure(gm.client.request(updateItem('complaint_monthly_stats', second.json.data.id, { unchecked_count: 5 })));
    expect(forged.status).toBe(400);
    expect(forged.message).toContain('已结案待质量检验件数');
  });
});

describe('改善对策逾期催办 (K-IMPROVE)', () => {
  test('an open measure past its due date gets one 催办单 to its owner department; a done one none', async () => {
    const complaint = await admin.request(
      createItem('complaints', complaintPayload({ stage: 'investigating', registered_at: '2026-11-20T02:00:00.000Z' })),
    );
    const propose = (measure: string, due_date: string) =>
      ops.client.request(createItem('improvement_measures', { complaint: complaint.id, measure, owner_department: 'market', due_date }));
    const late = await propose('电话回访须录音 **全部**', '2025-01-10');
    const done = await propose('回访话术培训', '2025-01-10');
    await clerk.client.request(updateItem('improvement_measures', done.id, { status: 'done', result: '已培训' }));
    const future = await propose('季度抽查', '2099-01-10');

    await sweep();
    const urges = await urgesOf('improvement_measures', late.id);
    expect(urges).toHaveLength(1);
    expect(urges[0]).toMatchObject({ department: 'market', due_at: '2025-01-10T16:00:00.000Z' });
    expect(urges[0].reason).toBe(
      `投诉 ${complaint.complaint_no ?? `#${complaint.id}`} 的改善对策“电话回访须录音 **全部**”已于 2025-01-11 00:00 到期仍未完成，` +
        '请市场部立即执行并填写执行结果（第十三条 9）。',
    );
    expect(await urgesOf('improvement_measures', done.id)).toEqual([]);
    expect(await urgesOf('improvement_measures', future.id)).toEqual([]);
    // The market reads its 催办单 and is told in its notification centre; the measure's text is not markdown there.
    const mine = await clerk.client.request(
      readItems('urge_notices', { filter: { collection: { _eq: 'improvement_measures' }, item: { _eq: String(late.id) } } }),
    );
    expect(mine).toHaveLength(1);
    const told = await clerk.client.request(
      readNotifications({
        filter: { collection: { _eq: 'improvement_measures' }, item: { _eq: String(late.id) } },
        fields: ['subject', 'message'],
      }),
    );
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toContain('【催办】改善对策');
    expect(told[0]!.message).toContain('\\*\\*全部\\*\\*');

    await sweep();
    expect(await urgesOf('improvement_measures', late.id)).toHaveLength(1);
  });
});
