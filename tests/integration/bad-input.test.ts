import { createItem, createItems, updateItem, updateItemsBatch } from '@directus/sdk';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { asAdmin, baseUrl, callEndpoint, createStaffUser, moveComplaint, type Client } from '../helpers/api';
import { claimReportPayload, complaintPayload, createPolicyFixture, idNumber } from '../helpers/fixtures';
import { productState, type ProductState } from '../helpers/product-checksum';
import { root } from '../../scripts/lib/directus.mjs';

// The bad-input catalogue: every request below is wrong in one way. Each must be refused with a
// 4xx whose Chinese message names the field by its label (or the stage) and the rule, and the
// product tables must be exactly as before (row counts and a checksum of every row). Free text
// with quotes, markup or SQL words is not wrong (tests/integration/text-as-typed.test.ts); control
// characters are.

type Who = 'admin' | 'market' | 'ops' | 'gm';
interface BadCase {
  name: string;
  who: Who;
  send: (client: Client) => Promise<unknown>;
  status: 400 | 403;
  /** what the message must mention: the field's Chinese label, or the stage/rule wording */
  mentions: string;
}

const DAY = 86_400_000;
const future = () => new Date(Date.now() + 2 * DAY).toISOString();
const SQL = "x'; DROP TABLE complaints; --";
const SQL_OR = "' OR '1'='1";

let admin: Client;
const clients = {} as Record<Who, Client>;
const ids = {} as {
  product: number;
  policy: number;
  report: number;
  application: number;
  draft: number;
  submitted: number;
  review: number;
  surrender: number;
  endorsement: number;
  customer: number;
};

async function outcome(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
    return { status: 200, message: '' };
  } catch (error: any) {
    return { status: error?.response?.status ?? 0, message: error?.errors?.[0]?.message ?? String(error) };
  }
}

const report = (overrides: Record<string, unknown>) =>
  claimReportPayload(ids.policy, { incident_at: new Date(Date.now() - 3 * DAY).toISOString(), ...overrides });
const rawRequest = (client: Client, method: string, route: string, body: unknown) =>
  callEndpoint(client, method, route, body).then((r) =>
    r.status >= 400 ? Promise.reject({ response: { status: r.status }, errors: r.json?.errors }) : r,
  );

type Send = BadCase['send'];
/** One bad request: who sends it, the status it must get and what its message must mention. */
const refused = (name: string, who: Who, status: 400 | 403, mentions: string, send: Send): BadCase => ({
  name,
  who,
  status,
  mentions,
  send,
});
// Payloads that name fixtures (ids, report()) are built when sent: the fixtures exist only after beforeAll.
const create =
  (collection: string, item: () => Record<string, unknown>): Send =>
  (c) =>
    c.request(createItem(collection, item()));
const update =
  (collection: string, key: keyof typeof ids, patch: Record<string, unknown>): Send =>
  (c) =>
    c.request(updateItem(collection, ids[key], patch));
const newReport = (overrides: Record<string, unknown>) => create('claim_reports', () => report(overrides));
const newComplaint = (overrides: Record<string, unknown> = {}) => create('complaints', () => complaintPayload(overrides));
const updateReport = (patch: Record<string, unknown>) => update('claim_reports', 'report', patch);
const newApplication = (fields: Record<string, unknown> = {}) =>
  create('claim_applications', () => ({ claim_report: ids.report, claim_type: 'medical', applicant_name: '李四', ...fields }));
const updateApplication = (patch: Record<string, unknown>) => update('claim_applications', 'application', patch);

const CASES: BadCase[] = [
  // 报案登记 — create
  refused('report: deaths is not a number', 'market', 400, '死亡人数', newReport({ deaths: 'abc' })),
  refused('report: negative deaths', 'market', 400, '死亡人数', newReport({ deaths: -1 })),
  refused('report: negative expected payout', 'market', 400, '预计赔付金额', newReport({ expected_payout: -100 })),
  refused('report: accident on 2026-02-30', 'market', 400, '出险时间', newReport({ incident_at: '2026-02-30T02:00:00.000Z' })),
  refused('report: accident in the future', 'market', 400, '出险时间', newReport({ incident_at: future() })),
  refused('report: accident time is a word', 'market', 400, '出险时间', newReport({ incident_at: 'yesterday' })),
  refused('report: unknown channel key', 'market', 400, '报案方式', newReport({ channel: 'email' })),
  refused('report: unknown cause key', 'market', 400, '出险原因', newReport({ incident_cause: 'alien_abduction' })),
  refused('report: SQL in a choice key', 'market', 400, '报案方式', newReport({ channel: SQL_OR })),
  refused('report: unknown policy', 'market', 400, '保单', newReport({ policy: 99_999_999 })),
  refused('report: oversized place', 'market', 400, '出险地点', newReport({ incident_place: '路'.repeat(300) })),
  refused('report: oversized description', 'market', 400, '出险经过', newReport({ incident_description: '摔'.repeat(20_000) })),
  refused(
    'report: policy number longer than its column (64)',
    'market',
    400,
    '报案人提供的保单号',
    newReport({ policy_no_given: 'P'.repeat(80) }),
  ),
  refused('report: forged report number', 'market', 400, '报案号', newReport({ report_no: 'BA20260001' })),
  refused('report: forged eligibility result', 'market', 400, '不予受理原因', newReport({ rejection_reasons: [] })),
  refused('report: forged major flag', 'market', 400, '重大案件', newReport({ is_major: false, deaths: 3 })),
  refused('report: forged HQ due date', 'market', 400, '呈报总部期限', newReport({ hq_due_at: future() })),
  refused('report: status chosen by the client', 'market', 400, '受理状态', newReport({ status: 'accepted' })),
  refused('report: clerk back-enters the report time', 'market', 403, '报案时间', newReport({ reported_at: '2026-11-01T02:00:00.000Z' })),
  refused('report: NUL in the insured name', 'market', 400, '被保险人姓名', newReport({ insured_name: '李\u0000四' })),
  refused('report: bell character in the description', 'market', 400, '出险经过', newReport({ incident_description: '骑车摔倒\u0007' })),
  refused('report: escape character in the reporter name', 'market', 400, '报案人姓名', newReport({ reporter_name: '\u001b[31m王五' })),
  refused('report: backspace in the reporter phone', 'market', 400, '报案人电话', newReport({ reporter_phone: '1370000\u00080000' })),
  refused(
    'report: reported before the accident (admin back-entry)',
    'admin',
    400,
    '报案时间',
    newReport({ incident_at: '2026-11-10T02:00:00.000Z', reported_at: '2026-11-09T02:00:00.000Z' }),
  ),
  refused('report: reported in the future (admin back-entry)', 'admin', 400, '报案时间', newReport({ reported_at: future() })),
  // 报案登记 — update
  refused('report update: status set to 不予受理 by hand', 'market', 400, '受理状态', updateReport({ status: 'not_accepted' })),
  refused('report update: month 13', 'market', 400, '出险时间', updateReport({ incident_at: '2026-13-01T02:00:00.000Z' })),
  refused('report update: form feed in the place', 'ops', 400, '出险地点', updateReport({ incident_place: '漕溪北路\u000c' })),
  refused('report update: forged major reasons', 'ops', 400, '重大案件原因', updateReport({ major_reasons: ['litigation'] })),
  // 理赔申请
  refused('application: unknown claim type', 'market', 400, '理赔类型', newApplication({ claim_type: 'spaceship' })),
  refused('application: created as complete', 'market', 400, '收集材料中', newApplication({ status: 'complete' })),
  refused('application: forged application number', 'market', 400, '申请编号', newApplication({ application_no: 'SQ1' })),
  refused('application: forged handover due date', 'ops', 400, '移交期限', updateApplication({ handover_due_at: future() })),
  refused(
    'application: right verified is not a yes/no',
    'market',
    400,
    '已确认具有保险金请求权',
    updateApplication({ right_verified: 'maybe' }),
  ),
  refused('application: complete before verification', 'market', 400, '尚未核验', updateApplication({ status: 'complete' })),
  refused('application: handed over while collecting', 'ops', 400, '材料齐全后才能移交', updateApplication({ status: 'handed_over' })),
  refused(
    'application: handed over before complete (admin)',
    'admin',
    400,
    '移交时间',
    newApplication({ materials_complete_at: '2026-11-10T02:00:00.000Z', handed_over_at: '2026-11-09T02:00:00.000Z' }),
  ),
  refused(
    'application: unreal handover date (admin)',
    'admin',
    400,
    '材料齐全时间',
    updateApplication({ materials_complete_at: '2026-04-31T02:00:00.000Z' }),
  ),
  // 退保 / 批改
  refused(
    'surrender: unknown channel',
    'market',
    400,
    '提请方式',
    create('surrender_requests', () => ({ channel: 'pigeon', policy: ids.policy, reason: '资金周转' })),
  ),
  refused(
    'surrender: forged request number',
    'market',
    400,
    '申请编号',
    create('surrender_requests', () => ({ channel: 'phone', policy: ids.policy, reason: '资金周转', request_no: 'TB1' })),
  ),
  refused(
    'surrender: NUL in the reason',
    'market',
    400,
    '退保原因',
    update('surrender_requests', 'surrender', { reason: '资金\u0000周转' }),
  ),
  refused(
    'surrender: oversized reason',
    'market',
    400,
    '退保原因',
    update('surrender_requests', 'surrender', { reason: '因'.repeat(10_001) }),
  ),
  refused(
    'endorsement: unit separator in the requested changes',
    'market',
    400,
    '批改内容',
    create('endorsement_requests', () => ({ channel: 'visit', policy: ids.policy, requested_changes: '变更\u001f电话' })),
  ),
  refused('endorsement: unknown status', 'market', 400, '状态', update('endorsement_requests', 'endorsement', { status: 'teleported' })),
  refused(
    'endorsement: DEL in the customer name',
    'market',
    400,
    '客户姓名',
    update('endorsement_requests', 'endorsement', { customer_name: '王五\u007f' }),
  ),
  // 客户抱怨处理表
  refused('complaint: created as closed', 'market', 400, '草稿', newComplaint({ stage: 'closed' })),
  refused('complaint: forged number', 'market', 400, '投诉编号', newComplaint({ complaint_no: '261101' })),
  refused('complaint: negative offer', 'market', 400, '拟处理金额', newComplaint({ offer_amount: -5 })),
  refused('complaint: unknown stage key', 'market', 400, '草稿', newComplaint({ stage: 'escalated' })),
  refused('complaint: NUL in the demand', 'market', 400, '客户要求', newComplaint({ demand: '要求\u0000道歉' })),
  refused('complaint: vertical tab in the reason', 'market', 400, '投诉理由', newComplaint({ reason: '延误\u000b两周' })),
  refused('complaint: control character in the customer name', 'market', 400, '客户姓名', newComplaint({ customer_name: '赵\u0002六' })),
  refused('complaint: draft straight to final review', 'market', 400, '不能从', (c) => moveComplaint(c, ids.draft, 'final_review')),
  refused('complaint: 市场部 registers it', 'market', 403, '总经理室', (c) => moveComplaint(c, ids.submitted, 'registered')),
  refused('complaint: stage changed by a PATCH', 'gm', 400, '办理', update('complaints', 'submitted', { stage: 'registered' })),
  refused('complaint: a move with a field it does not take', 'gm', 400, '总经理室综合意见', (c) =>
    moveComplaint(c, ids.submitted, 'registered', { gm_opinion: '同意' }),
  ),
  refused('complaint: forged due date', 'gm', 400, '结案期限', update('complaints', 'submitted', { due_at: future() })),
  refused('complaint: forged approval level', 'gm', 400, '核决权限', update('complaints', 'submitted', { approval_level: '总经理' })),
  refused(
    'complaint: forged step log entry time',
    'gm',
    400,
    '进入本阶段时间',
    update('complaints', 'submitted', { stage_entered_at: '2026-11-01T00:00:00.000Z' }),
  ),
  refused(
    'complaint: unknown responsible department',
    'gm',
    400,
    '责任部门',
    update('complaints', 'review', { responsible_department: 'marketing' }),
  ),
  refused('complaint: promise before approval', 'market', 403, '核决', update('complaints', 'draft', { customer_accepted: true })),
  refused(
    'complaint: closed before it was registered (admin)',
    'admin',
    400,
    '结案时间',
    newComplaint({ stage: 'closed', registered_at: '2026-11-10T02:00:00.000Z', closed_at: '2026-11-01T02:00:00.000Z' }),
  ),
  refused(
    'step log: a staff member writes a step',
    'market',
    403,
    '权限',
    create('complaint_steps', () => ({ complaint: ids.draft, to_stage: 'closed', entered_at: new Date().toISOString() })),
  ),
  // Reference data
  refused(
    'policy: ends before it starts',
    'admin',
    400,
    '保险止期',
    create('policies', () => ({
      policy_no: `BAD${Date.now()}`,
      product: ids.product,
      policyholder: ids.customer,
      insured: ids.customer,
      sum_insured: 1000,
      start_date: '2026-12-01',
      end_date: '2026-01-01',
    })),
  ),
  refused('policy: starts on 2026-02-30', 'market', 400, '保险起期', update('policies', 'policy', { start_date: '2026-02-30' })),
  refused('policy: negative sum insured', 'market', 400, '保险金额', update('policies', 'policy', { sum_insured: -1 })),
  refused('policy: unknown status', 'market', 400, '保单状态', update('policies', 'policy', { status: 'cancelled' })),
  refused('policy: start moved after the end', 'market', 400, '保险起期', update('policies', 'policy', { start_date: '2027-06-01' })),
  refused(
    'customer: malformed ID number',
    'market',
    400,
    '身份证号',
    create('customers', () => ({ name: '钱七', id_number: '12345' })),
  ),
  refused('customer: NUL in the name', 'market', 400, '姓名', update('customers', 'customer', { name: '张\u0000三' })),
  refused(
    'petition: another department',
    'ops',
    400,
    '呈报部门',
    create('petitions', () => ({ complaint: ids.draft, department: 'market', content: '有异议' })),
  ),
  refused(
    'petition: unknown department key',
    'gm',
    400,
    '呈报部门',
    create('petitions', () => ({ complaint: ids.draft, department: 'board', content: '有异议' })),
  ),
  // Batches: one bad row refuses the whole request
  refused('batch create: third report on 2026-02-30', 'market', 400, '出险时间', (c) =>
    c.request(
      createItems('claim_reports', [
        report({ insured_name: '批量一', policy: null }),
        report({ insured_name: '批量二', policy: null }),
        report({ insured_name: '批量三', policy: null, incident_at: '2026-02-30T01:00:00.000Z' }),
      ]),
    ),
  ),
  refused('batch update: second complaint with a control character', 'market', 400, '市场部意见', (c) =>
    c.request(
      updateItemsBatch('complaints', [
        { id: ids.draft, demand: '要求道歉' },
        { id: ids.draft, market_opinion: '属实\u0000' },
      ]),
    ),
  ),
  refused('CSV import: one customer with a malformed ID number', 'admin', 400, '身份证号', (c) =>
    importCsv(
      c,
      'customers',
      `name,id_number,phone\n导入甲,${idNumber()},13800000001\n导入乙,ABC,13800000002\n导入丙,${idNumber()},13800000003\n`,
    ),
  ),
  refused('CSV import: one complaint with a forged number', 'admin', 400, '投诉编号', (c) =>
    importCsv(c, 'complaints', `customer_name,demand,reason,complaint_no\n导入甲,道歉,延误,\n导入乙,道歉,延误,269999\n`),
  ),
  refused('sweep endpoint: a clerk runs it', 'market', 403, '管理员', (c) => rawRequest(c, 'POST', '/after-sales/sweep', {})),
  refused('letter: unknown template', 'market', 400, '文书模板', (c) =>
    rawRequest(c, 'POST', '/after-sales/letters', { template: 'love_letter', collection: 'claim_reports', item: String(ids.report) }),
  ),
];

async function importCsv(client: Client, collection: string, csv: string) {
  const token: string = await (client as any).getToken();
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), `${collection}.csv`);
  const response = await fetch(`${baseUrl()}/utils/import/${collection}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (response.ok) return response;
  const body = await response.json().catch(() => ({}));
  throw { response: { status: response.status }, errors: body.errors };
}

beforeAll(async () => {
  admin = await asAdmin();
  const [market, ops, gm] = await Promise.all([createStaffUser('市场部'), createStaffUser('运营部'), createStaffUser('总经理室')]);
  Object.assign(clients, { admin, market: market.client, ops: ops.client, gm: gm.client });
  const fixture = await createPolicyFixture(admin);
  const created = await admin.request(createItem('claim_reports', claimReportPayload(fixture.policy.id)));
  const application = await admin.request(
    createItem('claim_applications', { claim_report: created.id, claim_type: 'medical', applicant_name: '李四' }),
  );
  const draft = await market.client.request(createItem('complaints', complaintPayload()));
  const submitted = await market.client.request(createItem('complaints', complaintPayload({ stage: 'submitted' })));
  const review = await admin.request(createItem('complaints', complaintPayload({ stage: 'plan_review' })));
  const surrender = await market.client.request(
    createItem('surrender_requests', { channel: 'phone', policy: fixture.policy.id, reason: '资金周转' }),
  );
  const endorsement = await market.client.request(
    createItem('endorsement_requests', { channel: 'phone', policy: fixture.policy.id, requested_changes: '变更联系电话' }),
  );
  Object.assign(ids, {
    product: fixture.product.id,
    policy: fixture.policy.id,
    report: created.id,
    application: application.id,
    draft: draft.id,
    submitted: submitted.id,
    review: review.id,
    surrender: surrender.id,
    endorsement: endorsement.id,
    customer: fixture.holder.id,
  });
});

/** Product state once after-commit hooks and the deadline scan have settled (two equal reads). */
async function settledState(): Promise<ProductState> {
  await callEndpoint(admin, 'POST', '/after-sales/sweep');
  let previous: ProductState | undefined;
  return vi.waitFor(
    async () => {
      const current = await productState(baseUrl(), admin);
      const settled = current.checksum === previous?.checksum;
      previous = current;
      if (!settled) throw new Error('the product tables kept changing without requests of this test');
      return current;
    },
    { timeout: 15_000, interval: 500 },
  );
}

describe('bad-input catalogue over HTTP', () => {
  test(`${CASES.length} bad requests: each a 4xx in Chinese naming the field and rule, the database unchanged`, async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const before = await settledState();
    const wrong: string[] = [];
    const lines: string[] = [];
    for (const badCase of CASES) {
      const { status, message } = await outcome(badCase.send(clients[badCase.who]));
      lines.push(`| ${badCase.name} | ${badCase.who} | ${status} | ${message.replace(/\|/g, '\\|').slice(0, 160)} |`);
      if (status !== badCase.status) wrong.push(`${badCase.name}: HTTP ${status} (expected ${badCase.status}) ${message}`);
      else if (!/[\u4e00-\u9fff]/.test(message) || !message.includes(badCase.mentions))
        wrong.push(`${badCase.name}: message "${message}" should be Chinese and mention ${badCase.mentions}`);
      else if (/[（(][a-z]+(_[a-z]+)*[）)]/.test(message))
        wrong.push(`${badCase.name}: message "${message}" names a database field; the label is enough`);
    }
    const after = await productState(baseUrl(), admin);
    const artifacts = path.join(root, 'tests', '.artifacts');
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(
      path.join(artifacts, 'bad-input-catalogue.md'),
      `| case | as | HTTP | message |\n|---|---|---|---|\n${lines.join('\n')}\n`,
    );
    console.log(
      `bad-input catalogue: ${CASES.length} cases tried, ${CASES.length - wrong.length} refused as expected; product tables ${Object.keys(before.counts).length}, rows ${Object.values(before.counts).reduce((a, b) => a + b, 0)}, checksum ${before.checksum === after.checksum ? 'unchanged' : 'CHANGED'}`,
    );
    expect(wrong).toEqual([]);
    expect(after.counts).toEqual(before.counts);
    expect(after.checksum).toBe(before.checksum);
  });

  test('SQL arrives as plain text where it is data, not code: a search finds nothing and breaks nothing', async () => {
    const token: string = await (admin as any).getToken();
    const response = await fetch(`${baseUrl()}/items/complaints?filter[customer_name][_eq]=${encodeURIComponent(SQL_OR)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).data).toEqual([]);
    const search = await fetch(`${baseUrl()}/items/claim_reports?search=${encodeURIComponent(SQL)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(search.status).toBe(200);
  });
});
