import { createItem, deleteItem, deleteItems, readItem, readItems, readNotifications } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser, type Client, type StaffUser } from '../helpers/api';
import { claimReportPayload, complaintPayload, createPolicyFixture } from '../helpers/fixtures';
import { queryPlan } from '../helpers/sqlite-pragma';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { until } from '../helpers/poll';

// Its own server: the test restarts it to prove nothing is issued twice after a restart.
let server: TestServer;
let admin: Client;
let ops: StaffUser;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function sweep(client: Client) {
  const { status, json } = await callEndpoint(client, 'POST', '/after-sales/sweep', undefined, server.url);
  return { status, body: json };
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await asAdmin(server.url);
  ops = await createStaffUser('运营部', [], server.url);
});
afterAll(async () => server?.destroy());

describe('deadline clocks on cases', () => {
  test('handover: 3 working days from complete materials, skipping the weekend; a company holiday moves it', async () => {
    const { policy } = await createPolicyFixture(admin);
    const report = await admin.request(createItem('claim_reports', claimReportPayload(policy.id)));
    // Friday 2026-11-06 10:00 Shanghai → Mon 9, Tue 10, Wed 11 → due Wed 24:00 Shanghai.
    const application = await admin.request(
      createItem('claim_applications', {
        claim_report: report.id,
        claim_type: 'medical',
        applicant_name: '李四',
        materials_complete_at: '2026-11-06T02:00:00.000Z',
      }),
    );
    expect(application.handover_due_at).toBe('2026-11-11T16:00:00.000Z');
    const start = Date.parse('2026-11-06T02:00:00.000Z');
    expect(application.handover_warn_at).toBe(iso(start + 0.8 * (Date.parse('2026-11-11T16:00:00.000Z') - start)));

    const holiday = await admin.request(
      createItem('work_calendar', { date: '2026-11-10', is_workday: false, name: '公司司庆', source: 'company' }),
    );
    const moved = await until(
      () => admin.request(readItem('claim_applications', application.id)),
      (item: any) => item.handover_due_at !== application.handover_due_at,
    );
    expect(moved.handover_due_at).toBe('2026-11-12T16:00:00.000Z');
    await admin.request(deleteItem('work_calendar', holiday.id));
    const back = await until(
      () => admin.request(readItem('claim_applications', application.id)),
      (item: any) => item.handover_due_at === application.handover_due_at,
    );
    expect(back.handover_due_at).toBe('2026-11-11T16:00:00.000Z');
  });

  test('complaint: 13 days from GM Office registration, ending 24:00 Shanghai; the stage holder is recorded', async () => {
    // Registered 2026-11-02 10:00 Shanghai → due 2026-11-16 00:00 Shanghai.
    const complaint = await admin.request(
      createItem('complaints', complaintPayload({ stage: 'registered', registered_at: '2026-11-02T02:00:00.000Z' })),
    );
    expect(complaint.due_at).toBe('2026-11-15T16:00:00.000Z');
    expect(complaint.holding_department).toBe('gm_office');
  });
});

describe('the sweep', () => {
  test('issues warnings, urge notices and inquiries exactly once, also after a restart', async () => {
    const now = Date.now();
    const { policy } = await createPolicyFixture(admin);
    const report = await admin.request(createItem('claim_reports', claimReportPayload(policy.id)));
    const application = (extra: Record<string, unknown>) =>
      admin.request(createItem('claim_applications', { claim_report: report.id, claim_type: 'medical', applicant_name: '李四', ...extra }));
    const late = await application({ materials_complete_at: iso(now - 10 * DAY) });
    const handedOver = await application({ materials_complete_at: iso(now - 10 * DAY), handed_over_at: iso(now - 9 * DAY) });
    const nearlyDue = await admin.request(
      createItem('complaints', complaintPayload({ stage: 'registered', registered_at: iso(now - 12 * DAY) })),
    );
    const overdue = await admin.request(
      createItem('complaints', complaintPayload({ stage: 'investigating', registered_at: iso(now - 20 * DAY) })),
    );
    const closed = await admin.request(createItem('complaints', complaintPayload({ stage: 'closed', registered_at: iso(now - 15 * DAY) })));
    const lateStep = await admin.request(
      createItem('complaint_steps', {
        complaint: closed.id,
        from_stage: 'registered',
        to_stage: 'investigating',
        department: 'operations',
        entered_at: iso(now - 14 * DAY),
        due_at: iso(now - 11 * DAY),
        completed_at: iso(now - 9 * DAY),
      }),
    );
    await admin.request(
      createItem('complaint_steps', {
        complaint: closed.id,
        from_stage: 'investigating',
        to_stage: 'plan_review',
        department: 'gm_office',
        entered_at: iso(now - 9 * DAY),
        due_at: iso(now - 7 * DAY),
        completed_at: iso(now - 8 * DAY),
      }),
    );

    const first = await sweep(admin);
    expect(first.status).toBe(200);
    expect(first.body.data.urges).toBeGreaterThanOrEqual(2);

    const urges = await admin.request(
      readItems('urge_notices', {
        filter: {
          _or: [
            { collection: { _eq: 'claim_applications' }, item: { _in: [String(late.id), String(handedOver.id)] } },
            { collection: { _eq: 'complaints' }, item: { _in: [String(nearlyDue.id), String(overdue.id)] } },
          ],
        },
      }),
    );
    expect(urges.map((u: any) => [u.collection, Number(u.item), u.department]).sort()).toEqual(
      [
        ['claim_applications', late.id, 'operations'],
        ['complaints', overdue.id, 'operations'],
      ].sort(),
    );
    expect(urges.every((u: any) => /^CB\d{7}$/.test(u.notice_no) && u.reason.includes('请运营部立即办理'))).toBe(true);
    const warnings = await admin.request(
      readItems('deadline_events', {
        filter: { kind: { _eq: 'warning' }, collection: { _eq: 'complaints' }, item: { _eq: String(nearlyDue.id) } },
      }),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ department: 'gm_office' });
    const inquiries = await admin.request(readItems('overdue_inquiries', { filter: { complaint: { _eq: closed.id } } }));
    expect(inquiries).toHaveLength(1);
    expect(inquiries[0]).toMatchObject({
      department: 'operations',
      stage: 'investigating',
      overdue_by: 48,
      clock_key: `inquiry:complaint_steps:${lateStep.id}`,
    });

    // K-MONTHLY: past the 10th (24:00 Shanghai) without last month's statistics, the GM Office is urged once.
    const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
      .format(new Date())
      .split('-')
      .map(Number) as [number, number, number];
    const lastMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    const statsUrges = await admin.request(
      readItems('urge_notices', { filter: { collection: { _eq: 'complaint_monthly_stats' }, item: { _eq: lastMonth } } }),
    );
    expect(statsUrges.map((u: any) => u.department)).toEqual(day > 10 ? ['gm_office'] : []);

    // The holding department sees the urge in its notification centre.
    const notices = await ops.client.request(
      readNotifications({ filter: { collection: { _eq: 'claim_applications' }, item: { _eq: String(late.id) } } }),
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toContain('【催办】');

    const second = await sweep(admin);
    expect(second.body.data).toEqual({ warnings: 0, urges: 0, inquiries: 0, calendarGaps: 0 });

    await server.restart();
    admin = await asAdmin(server.url);
    const third = await sweep(admin);
    expect(third.body.data).toEqual({ warnings: 0, urges: 0, inquiries: 0, calendarGaps: 0 });
    expect(
      await admin.request(
        readItems('urge_notices', { filter: { collection: { _eq: 'claim_applications' }, item: { _eq: String(late.id) } } }),
      ),
    ).toHaveLength(1);
    expect(await admin.request(readItems('overdue_inquiries', { filter: { complaint: { _eq: closed.id } } }))).toHaveLength(1);
    expect(await admin.request(readItems('urge_notices', { filter: { collection: { _eq: 'complaint_monthly_stats' } } }))).toHaveLength(
      statsUrges.length,
    );
  });

  test('only administrators run the sweep, with a Chinese refusal for others', async () => {
    const refused = await callEndpoint(ops.client, 'POST', '/after-sales/sweep', undefined, server.url);
    expect(refused.status).toBe(403);
    expect(refused.json.errors[0].message).toBe('只有管理员可以执行此操作。');
  });
});

test('administrators are warned once when open clocks run into a year the calendar has no official data for', async () => {
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  // Make next year unknown to the calendar, whatever the data package ships.
  const official = await admin.request(
    readItems('work_calendar', { filter: { date: { _gte: `${year + 1}-01-01` }, source: { _eq: 'official' } }, fields: ['id'], limit: -1 }),
  );
  if (official.length)
    await admin.request(
      deleteItems(
        'work_calendar',
        official.map((row: any) => row.id),
      ),
    );
  await admin.request(createItem('complaints', complaintPayload({ stage: 'registered', registered_at: `${year}-12-28T02:00:00.000Z` })));

  const first = await sweep(admin);
  // From 1 November next year's gap is told whatever is open, so an earlier sweep may have told it.
  expect(first.body.data.calendarGaps).toBeLessThanOrEqual(1);
  // (Deleting the days also tells the administrator how many deadlines were recomputed: another notice.)
  const notices = await admin.request(
    readNotifications({ filter: { collection: { _eq: 'work_calendar' }, subject: { _starts_with: '【工作日历】' } } }),
  );
  expect(notices.map((n: any) => n.subject)).toEqual([`【工作日历】缺少 ${year + 1} 年法定节假日数据`]);
  expect(notices[0]!.message).toContain('/after-sales/calendar/import');
  expect((await sweep(admin)).body.data.calendarGaps).toBe(0);
});

test('the sweep finds due cases through the running-clock indexes, not by walking every open case', async () => {
  // The statements Directus builds for the sweep's filters (run-sweep.ts): warning time past, clock
  // not stopped, case not closed; and the closed complaints not yet checked for timeliness.
  const file = server.env['DB_FILENAME']!;
  const now = Date.now();
  const due = await queryPlan(
    file,
    'select * from `complaints` where `complaints`.`warn_at` <= ? and `complaints`.`closed_at` is null and `complaints`.`stage` != ?',
    [now, 'closed'],
  );
  expect(due.join('\n')).toContain('USING INDEX complaints_closed_at_warn_at_index (closed_at=? AND warn_at<?)');
  const gap = await queryPlan(
    file,
    'select `id` from `complaints` where `complaints`.`due_at` >= ? and `complaints`.`closed_at` is null and `complaints`.`stage` != ? limit 1',
    [now, 'closed'],
  );
  expect(gap.join('\n')).toContain('USING INDEX complaints_closed_at_due_at_index (closed_at=? AND due_at>?)');
  const handover = await queryPlan(file, 'select * from `claim_applications` where `handover_warn_at` <= ? and `handed_over_at` is null', [
    now,
  ]);
  expect(handover.join('\n')).toContain('claim_applications_handed_over_at_handover_warn_at_index');
  const unchecked = await queryPlan(file, 'select `id` from `complaints` where `stage` = ? and `timeliness_checked_at` is null', [
    'closed',
  ]);
  expect(unchecked.join('\n')).toContain('complaints_stage_timeliness_checked_at_index');
});
