import { createItem, readItems, readPresets, updateItem } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser, moveComplaint, type Client, type StaffUser } from '../helpers/api';
import { claimReportPayload, complaintPayload, createPolicyFixture } from '../helpers/fixtures';

// The shared server holds other files' data too: every assertion looks at the rows seeded here.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const tag = randomUUID().slice(0, 6);

let admin: Client;
let clerk: StaffUser;
let ops: StaffUser;
let gm: StaffUser;
let tech: StaffUser;
let quality: StaffUser;
const seeded: Record<string, { collection: string; id: string }> = {};
const keyOf = (name: string) => `${seeded[name]!.collection}:${seeded[name]!.id}`;
const mine = (entries: any[]) =>
  entries.filter((entry) => Object.values(seeded).some((s) => s.collection === entry.collection && s.id === entry.id));
const names = (entries: any[]) =>
  mine(entries).map(
    (entry) => `${entry.kind} ${Object.entries(seeded).find(([, s]) => s.collection === entry.collection && s.id === entry.id)![0]}`,
  );

async function seed(name: string, collection: string, created: Promise<any>) {
  const item = await created;
  seeded[name] = { collection, id: String(item.id) };
  return item;
}

async function queue(user: { client: Client }, query = '') {
  const response = await callEndpoint(user.client, 'GET', `/after-sales/workbench${query}`);
  expect(response.status, response.text).toBe(200);
  return response.json.data;
}

beforeAll(async () => {
  admin = await asAdmin();
  [clerk, ops, gm, tech, quality] = await Promise.all([
    createStaffUser('市场部'),
    createStaffUser('运营部'),
    createStaffUser('总经理室'),
    createStaffUser('技术部'),
    createStaffUser('质量管理部'),
  ]);
  const now = Date.now();
  const report = async (name: string, client: Client, extra: Record<string, unknown>) => {
    const { policy } = await createPolicyFixture(admin);
    return seed(
      name,
      'claim_reports',
      client.request(createItem('claim_reports', claimReportPayload(policy.id, { insured_name: `${name}${tag}`, ...extra }))),
    );
  };
  // 市场部: a report to accept, two major reports for HQ (one past due, one past its warning point), a draft complaint, an urge notice.
  await report('report', clerk.client, {});
  // The scene and survey notices given (their own tasks: it/scene-survey), so only the HQ report waits.
  const noticesGiven = { scene_protection_notified: true, insurer_survey_notified: true, survey_report_received: true };
  await report('majorLate', admin, { deaths: 2, reported_at: iso(now - 2 * DAY), ...noticesGiven });
  await report('majorSoon', admin, { deaths: 2, reported_at: iso(now - 20 * HOUR), ...noticesGiven });
  const draft = await seed(
    'draft',
    'complaints',
    clerk.client.request(createItem('complaints', complaintPayload({ customer_name: `草稿${tag}` }))),
  );
  await seed(
    'urgeMarket',
    'urge_notices',
    admin.request(
      createItem('urge_notices', {
        collection: 'complaints',
        item: String(draft.id),
        department: 'market',
        issued_at: iso(now),
        due_at: iso(now - HOUR),
        reason: `市场部催办${tag}`,
      }),
    ),
  );
  // 运营部: a handover past due (materials complete 10 days ago), a complaint under investigation past its 13 days, an urge notice.
  const base = await admin.request(createItem('claim_reports', claimReportPayload((await createPolicyFixture(admin)).policy.id)));
  await seed(
    'handover',
    'claim_applications',
    admin.request(
      createItem('claim_applications', {
        claim_report: base.id,
        claim_type: 'medical',
        applicant_name: `移交${tag}`,
        materials_complete_at: iso(now - 10 * DAY),
      }),
    ),
  );
  await seed(
    'investigating',
    'complaints',
    admin.request(
      createItem(
        'complaints',
        complaintPayload({ customer_name: `调查${tag}`, stage: 'investigating', registered_at: iso(now - 20 * DAY) }),
      ),
    ),
  );
  await seed(
    'urgeOps',
    'urge_notices',
    admin.request(
      createItem('urge_notices', {
        collection: 'claim_applications',
        item: seeded['handover']!.id,
        department: 'operations',
        issued_at: iso(now),
        due_at: iso(now - 2 * HOUR),
        reason: `运营部催办${tag}`,
      }),
    ),
  );
  // 总经理室: a complaint to register and a petition to decide; 技术部: an inquiry to answer; 质量管理部: an urge notice.
  await seed(
    'submitted',
    'complaints',
    clerk.client.request(createItem('complaints', complaintPayload({ customer_name: `送审${tag}`, stage: 'submitted' }))),
  );
  await seed(
    'petition',
    'petitions',
    clerk.client.request(createItem('petitions', { complaint: draft.id, department: 'market', content: `异议${tag}` })),
  );
  await seed(
    'inquiryTech',
    'overdue_inquiries',
    admin.request(
      createItem('overdue_inquiries', {
        complaint: draft.id,
        department: 'tech',
        stage: 'tech_analysis',
        overdue_by: 5,
        issued_at: iso(now),
      }),
    ),
  );
  await seed(
    'urgeQuality',
    'urge_notices',
    admin.request(
      createItem('urge_notices', {
        collection: 'complaints',
        item: String(draft.id),
        department: 'quality',
        issued_at: iso(now),
        due_at: iso(now - 3 * HOUR),
        reason: `质量部催办${tag}`,
      }),
    ),
  );
});

describe('GET /after-sales/workbench (售后工作台)', () => {
  test("a 市场部 clerk gets the department's work only, soonest due first, overdue marked", async () => {
    const data = await queue(clerk);
    expect(data.department).toBe('market');
    expect(data.canChooseDepartment).toBe(false);
    expect(names(data.entries).sort()).toEqual(
      [
        'complaint draft',
        'hq_report majorLate',
        'hq_report majorSoon',
        'report_review majorLate',
        'report_review majorSoon',
        'report_review report',
        'urge_notice urgeMarket',
      ].sort(),
    );
    const byKey = (key: string) => mine(data.entries).filter((e: any) => `${e.collection}:${e.id}` === key);
    expect(byKey(keyOf('majorLate')).find((e: any) => e.kind === 'hq_report')).toMatchObject({
      status: 'breached',
      statusText: '已逾期',
      caseType: '报案登记',
      task: '重大案件呈报总部',
      department: 'market',
      link: `/content/claim_reports/${seeded['majorLate']!.id}`,
    });
    expect(byKey(keyOf('majorSoon')).find((e: any) => e.kind === 'hq_report')).toMatchObject({ status: 'warning', statusText: '即将超时' });
    expect(byKey(keyOf('draft'))[0]).toMatchObject({
      status: 'no_deadline',
      statusLabel: '草稿',
      title: expect.stringContaining(`草稿${tag}`),
    });
    expect(byKey(keyOf('urgeMarket'))[0]).toMatchObject({
      status: 'breached',
      statusLabel: '待确认收到',
      number: expect.stringMatching(/^CB\d{7}$/),
    });

    // The whole answer, not just our rows, is ordered by due time with the undated last.
    const dues = data.entries.map((e: any) => e.dueAt);
    const dated = dues.filter((d: string | null) => d !== null);
    expect(dated).toEqual([...dated].sort());
    expect(dues.slice(dated.length).every((d: string | null) => d === null)).toBe(true);
    expect(data.entries.every((e: any) => e.department === 'market')).toBe(true);
  });

  test.each<[string, () => StaffUser, string[]]>([
    ['运营部', () => ops, ['complaint investigating', 'handover handover', 'urge_notice urgeOps']],
    ['总经理室', () => gm, ['complaint submitted', 'petition petition']],
    ['技术部', () => tech, ['overdue_inquiry inquiryTech']],
    ['质量管理部', () => quality, ['urge_notice urgeQuality']],
  ])('%s sees its own work', async (_role, user, expected) => {
    const data = await queue(user());
    expect(names(data.entries).sort()).toEqual(expected.sort());
  });

  test('the investigation past its 13 days is overdue for 运营部 though its stage is young', async () => {
    const entry = mine((await queue(ops)).entries).find((e: any) => e.kind === 'complaint');
    expect(entry).toMatchObject({ status: 'breached', statusLabel: '运营部调查', department: 'operations' });
  });

  test('answering takes the work off the queue: an acknowledged urge notice, a replied inquiry', async () => {
    await quality.client.request(updateItem('urge_notices', seeded['urgeQuality']!.id, { acknowledged_at: new Date().toISOString() }));
    expect(names((await queue(quality)).entries)).toEqual([]);
    await tech.client.request(updateItem('overdue_inquiries', seeded['inquiryTech']!.id, { reply: '分析所需的检测报告迟到两天' }));
    expect(names((await queue(tech)).entries)).toEqual([]);
  });

  test('administrators see every department, or pick one', async () => {
    const all = await queue({ client: admin });
    expect(all.canChooseDepartment).toBe(true);
    expect(all.department).toBeNull();
    // Every department's work, counted whole: the shared server holds more than a page of it, so
    // which of this file's rows make the first `limit` is not asserted here but per department below.
    const departments = ['market', 'operations', 'gm_office', 'tech', 'quality'];
    const each = await Promise.all(departments.map((department) => queue({ client: admin }, `?department=${department}`)));
    for (const kind of ['complaint', 'urge_notice']) {
      expect(all.counts[kind].total, kind).toBe(each.reduce((sum, one) => sum + (one.counts[kind]?.total ?? 0), 0));
    }
    expect(new Set(all.entries.map((e: any) => e.department)).size).toBeGreaterThanOrEqual(3);
    expect(mine(each[1].entries).find((e: any) => e.kind === 'handover')).toMatchObject({
      department: 'operations',
      departmentLabel: '运营部',
    });
    const operations = await queue({ client: admin }, '?department=operations');
    expect(names(operations.entries).sort()).toEqual(['complaint investigating', 'handover handover', 'urge_notice urgeOps'].sort());
  });

  test('at most `limit` entries per kind of work, the rest counted', async () => {
    const data = await queue(clerk, '?limit=1');
    const kinds = data.entries.map((e: any) => e.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(data.counts['report_review'].shown).toBe(1);
    expect(data.counts['report_review'].total).toBeGreaterThanOrEqual(3);
    expect(data.counts['hq_report'].total).toBeGreaterThanOrEqual(2);
  });

  test("refusals in Chinese: another department's queue, a bad limit", async () => {
    const other = await callEndpoint(clerk.client, 'GET', '/after-sales/workbench?department=operations');
    expect(other.status).toBe(403);
    expect(other.json.errors[0].message).toBe('售后工作台：只能查看本部门（市场部）的待办。');
    const limit = await callEndpoint(clerk.client, 'GET', '/after-sales/workbench?limit=0');
    expect(limit.status).toBe(400);
    expect(limit.json.errors[0].message).toBe('售后工作台参数 limit 无效：应为 1–200 的整数，收到 “0”。');
  });
});

describe('work bookmarks (我的待办 / 即将超时 / 已逾期)', () => {
  const bookmarksOf = async (user: StaffUser) =>
    (await user.client.request(
      readPresets({
        filter: { bookmark: { _in: ['我的待办', '即将超时', '已逾期'] } },
        fields: ['bookmark', 'collection', 'filter', 'layout_query'],
        limit: -1,
      }),
    )) as any[];
  const found = async (user: StaffUser, bookmark: any) =>
    ((await user.client.request(readItems(bookmark.collection, { filter: bookmark.filter, fields: ['id'], limit: -1 }))) as any[]).map(
      (row) => `${bookmark.collection}:${row.id}`,
    );

  test('a 市场部 user has them on the collections where the department has work', async () => {
    const bookmarks = await bookmarksOf(clerk);
    expect(bookmarks.map((b) => `${b.collection} ${b.bookmark}`).sort()).toEqual(
      [
        'claim_reports 我的待办',
        'claim_reports 即将超时',
        'claim_reports 已逾期',
        'claim_applications 我的待办',
        'complaints 我的待办',
        'complaints 即将超时',
        'complaints 已逾期',
        'urge_notices 我的待办',
        'overdue_inquiries 我的待办',
        'improvement_measures 我的待办',
        'improvement_measures 即将超时',
        'improvement_measures 已逾期',
      ].sort(),
    );
    expect(bookmarks.find((b) => b.collection === 'claim_reports' && b.bookmark === '已逾期').layout_query.tabular.sort).toEqual([
      'hq_due_at',
    ]);
  });

  test("each bookmark's filter finds the right items over HTTP", async () => {
    const bookmarks = await bookmarksOf(clerk);
    const of = (collection: string, bookmark: string) => bookmarks.find((b) => b.collection === collection && b.bookmark === bookmark);
    const ours = (keys: string[]) => keys.filter((key) => Object.values(seeded).some((s) => `${s.collection}:${s.id}` === key)).sort();

    expect(ours(await found(clerk, of('claim_reports', '我的待办')))).toEqual(
      [keyOf('report'), keyOf('majorLate'), keyOf('majorSoon')].sort(),
    );
    expect(ours(await found(clerk, of('claim_reports', '已逾期')))).toEqual([keyOf('majorLate')]);
    expect(ours(await found(clerk, of('claim_reports', '即将超时')))).toEqual([keyOf('majorSoon')]);
    expect(ours(await found(clerk, of('complaints', '我的待办')))).toEqual([keyOf('draft')]);
    expect(ours(await found(clerk, of('urge_notices', '我的待办')))).toEqual([keyOf('urgeMarket')]);

    // The bookmarks and the workbench agree on what is the department's work.
    const workbench = new Set(mine((await queue(clerk)).entries).map((e: any) => `${e.collection}:${e.id}`));
    const bookmarked = new Set<string>();
    for (const bookmark of bookmarks.filter((b) => b.bookmark === '我的待办'))
      for (const key of ours(await found(clerk, bookmark))) bookmarked.add(key);
    expect([...bookmarked].sort()).toEqual([...workbench].sort());
  });

  test('运营部 finds its overdue handover and investigation under 已逾期', async () => {
    const bookmarks = await bookmarksOf(ops);
    const overdue = bookmarks.filter((b) => b.bookmark === '已逾期');
    const keys = (await Promise.all(overdue.map((b) => found(ops, b)))).flat();
    expect(keys).toEqual(expect.arrayContaining([keyOf('handover'), keyOf('investigating')]));
    expect(keys).not.toContain(keyOf('majorLate'));
  });
});

describe('work that waits on a department head or on 质量管理部 (K-RESPONSIBLE, K-REPORT3D)', () => {
  let marketHead: StaffUser;
  let opsHead: StaffUser;
  let complaint: any;
  let penalty: any;
  let headsOwn: any;
  const entriesOf = async (user: { client: Client }, kind: string, query = '?limit=200') =>
    ((await queue(user, query)).entries as any[]).filter(
      (entry) => entry.kind === kind && [String(penalty.id), String(headsOwn.id), String(complaint.id)].includes(entry.id),
    );

  beforeAll(async () => {
    [marketHead, opsHead] = await Promise.all([createStaffUser('市场部', ['部门主管']), createStaffUser('运营部', ['部门主管'])]);
    complaint = await admin.request(
      createItem(
        'complaints',
        complaintPayload({ customer_name: `质量${tag}`, stage: 'investigating', registered_at: iso(Date.now() - HOUR) }),
      ),
    );
    const propose = (fields: Record<string, unknown>) =>
      ops.client.request(
        createItem('responsible_persons', {
          complaint: complaint.id,
          department: 'market',
          responsibility: '未及时转交理赔材料',
          penalty_type: 'warning',
          ...fields,
        }),
      );
    penalty = await propose({ person_name: `林小市${tag}` });
    // The head's own penalty is confirmed by someone else (their superior): not in their queue.
    headsOwn = await propose({ person_name: `市场部主管${tag}`, user: marketHead.id, penalty_type: 'fine' });
    // The end of the investigation starts the quality department's 3-working-day report clock.
    await moveComplaint(ops.client, complaint.id, 'plan_review', {
      investigation_cause: '理赔材料移交延误',
      responsibility: '运营部',
      countermeasures: '移交当日登记',
    });
  });

  test("a proposed penalty waits on the head of the person's department only, and leaves once confirmed", async () => {
    const [entry, ...more] = await entriesOf(marketHead, 'penalty_confirmation');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      id: String(penalty.id),
      caseType: '责任人员',
      task: '主管确认个人惩处',
      title: `林小市${tag}：警告`,
      statusLabel: '待主管确认',
      department: 'market',
      dueAt: null,
      status: 'no_deadline',
      link: `/content/responsible_persons/${penalty.id}`,
    });
    // A clerk of the department, another department's head, the proposer: nothing to confirm.
    for (const user of [clerk, opsHead, ops]) expect(await entriesOf(user, 'penalty_confirmation')).toEqual([]);
    // An administrator acts for any department: both wait in 市场部's queue, none in 运营部's.
    expect((await entriesOf({ client: admin }, 'penalty_confirmation', '?department=market&limit=200')).length).toBe(2);
    expect(await entriesOf({ client: admin }, 'penalty_confirmation', '?department=operations&limit=200')).toEqual([]);

    await marketHead.client.request(updateItem('responsible_persons', penalty.id, { confirmation: 'confirmed' }));
    expect(await entriesOf(marketHead, 'penalty_confirmation')).toEqual([]);
  });

  test('the quality report to the GM waits on 质量管理部 with its due time, and leaves once reported', async () => {
    const stored = await admin.request(readItems('complaints', { filter: { id: { _eq: complaint.id } }, fields: ['gm_report_due_at'] }));
    const due = stored[0]!.gm_report_due_at as string;
    expect(due).toBeTruthy();
    const [entry, ...more] = await entriesOf(quality, 'quality_report');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      caseType: '客户抱怨',
      task: '质量报告呈总经理',
      title: expect.stringContaining(`质量${tag}`),
      department: 'quality',
      dueAt: new Date(due).toISOString(),
      dueText: expect.stringMatching(/^\d{4}-\d{2}-\d{2} 00:00$/),
      status: 'on_track',
      link: `/content/complaints/${complaint.id}`,
    });
    for (const user of [ops, gm, clerk]) expect(await entriesOf(user, 'quality_report')).toEqual([]);

    await quality.client.request(
      createItem('quality_reports', { complaint: complaint.id, report: '客户反映移交延误，已责成运营部当日登记。' }),
    );
    expect(await entriesOf(quality, 'quality_report')).toEqual([]);
  });
});
