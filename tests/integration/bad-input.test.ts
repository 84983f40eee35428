import { createItem, createItems, updateItem, updateItemsBatch } from '@directus/sdk';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
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

const CASES: BadCase[] = [
  // 报案登记 — create
  {
    name: 'report: deaths is not a number',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ deaths: 'abc' }))),
    status: 400,
    mentions: '死亡人数',
  },
  {
    name: 'report: negative deaths',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ deaths: -1 }))),
    status: 400,
    mentions: '死亡人数',
  },
  {
    name: 'report: negative expected payout',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ expected_payout: -100 }))),
    status: 400,
    mentions: '预计赔付金额',
  },
  {
    name: 'report: accident on 2026-02-30',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ incident_at: '2026-02-30T02:00:00.000Z' }))),
    status: 400,
    mentions: '出险时间',
  },
  {
    name: 'report: accident in the future',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ incident_at: future() }))),
    status: 400,
    mentions: '出险时间',
  },
  {
    name: 'report: accident time is a word',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ incident_at: 'yesterday' }))),
    status: 400,
    mentions: '出险时间',
  },
  {
    name: 'report: unknown channel key',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ channel: 'email' }))),
    status: 400,
    mentions: '报案方式',
  },
  {
    name: 'report: unknown cause key',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ incident_cause: 'alien_abduction' }))),
    status: 400,
    mentions: '出险原因',
  },
  {
    name: 'report: SQL in a choice key',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ channel: SQL_OR }))),
    status: 400,
    mentions: '报案方式',
  },
  {
    name: 'report: unknown policy',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ policy: 99_999_999 }))),
    status: 400,
    mentions: '保单',
  },
  {
    name: 'report: oversized place',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ incident_place: '路'.repeat(300) }))),
    status: 400,
    mentions: '出险地点',
  },
  {
    name: 'report: oversized description',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ incident_description: '摔'.repeat(20_000) }))),
    status: 400,
    mentions: '出险经过',
  },
  {
    name: 'report: policy number longer than its column (64)',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ policy_no_given: 'P'.repeat(80) }))),
    status: 400,
    mentions: '报案人提供的保单号',
  },
  {
    name: 'report: forged report number',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ report_no: 'BA20260001' }))),
    status: 400,
    mentions: '报案号',
  },
  {
    name: 'report: forged eligibility result',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ rejection_reasons: [] }))),
    status: 400,
    mentions: '不予受理原因',
  },
  {
    name: 'report: forged major flag',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ is_major: false, deaths: 3 }))),
    status: 400,
    mentions: '重大案件',
  },
  {
    name: 'report: forged HQ due date',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ hq_due_at: future() }))),
    status: 400,
    mentions: '呈报总部期限',
  },
  {
    name: 'report: status chosen by the client',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ status: 'accepted' }))),
    status: 400,
    mentions: '受理状态',
  },
  {
    name: 'report: clerk back-enters the report time',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ reported_at: '2026-11-01T02:00:00.000Z' }))),
    status: 403,
    mentions: '报案时间',
  },
  {
    name: 'report: NUL in the insured name',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ insured_name: '李\u0000四' }))),
    status: 400,
    mentions: '被保险人姓名',
  },
  {
    name: 'report: bell character in the description',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ incident_description: '骑车摔倒\u0007' }))),
    status: 400,
    mentions: '出险经过',
  },
  {
    name: 'report: escape character in the reporter name',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ reporter_name: '\u001b[31m王五' }))),
    status: 400,
    mentions: '报案人姓名',
  },
  {
    name: 'report: backspace in the reporter phone',
    who: 'market',
    send: (c) => c.request(createItem('claim_reports', report({ reporter_phone: '1370000\u00080000' }))),
    status: 400,
    mentions: '报案人电话',
  },
  {
    name: 'report: reported before the accident (admin back-entry)',
    who: 'admin',
    send: (c) =>
      c.request(createItem('claim_reports', report({ incident_at: '2026-11-10T02:00:00.000Z', reported_at: '2026-11-09T02:00:00.000Z' }))),
    status: 400,
    mentions: '报案时间',
  },
  {
    name: 'report: reported in the future (admin back-entry)',
    who: 'admin',
    send: (c) => c.request(createItem('claim_reports', report({ reported_at: future() }))),
    status: 400,
    mentions: '报案时间',
  },
  // 报案登记 — update
  {
    name: 'report update: status set to 不予受理 by hand',
    who: 'market',
    send: (c) => c.request(updateItem('claim_reports', ids.report, { status: 'not_accepted' })),
    status: 400,
    mentions: '受理状态',
  },
  {
    name: 'report update: month 13',
    who: 'market',
    send: (c) => c.request(updateItem('claim_reports', ids.report, { incident_at: '2026-13-01T02:00:00.000Z' })),
    status: 400,
    mentions: '出险时间',
  },
  {
    name: 'report update: form feed in the place',
    who: 'ops',
    send: (c) => c.request(updateItem('claim_reports', ids.report, { incident_place: '漕溪北路\u000c' })),
    status: 400,
    mentions: '出险地点',
  },
  {
    name: 'report update: forged major reasons',
    who: 'ops',
    send: (c) => c.request(updateItem('claim_reports', ids.report, { major_reasons: ['litigation'] })),
    status: 400,
    mentions: '重大案件原因',
  },
  // 理赔申请
  {
    name: 'application: unknown claim type',
    who: 'market',
    send: (c) => c.request(createItem('claim_applications', { claim_report: ids.report, claim_type: 'spaceship', applicant_name: '李四' })),
    status: 400,
    mentions: '理赔类型',
  },
  {
    name: 'application: created as complete',
    who: 'market',
    send: (c) =>
      c.request(
        createItem('claim_applications', { claim_report: ids.report, claim_type: 'medical', applicant_name: '李四', status: 'complete' }),
      ),
    status: 400,
    mentions: '收集材料中',
  },
  {
    name: 'application: forged application number',
    who: 'market',
    send: (c) =>
      c.request(
        createItem('claim_applications', {
          claim_report: ids.report,
          claim_type: 'medical',
          applicant_name: '李四',
          application_no: 'SQ1',
        }),
      ),
    status: 400,
    mentions: '申请编号',
  },
  {
    name: 'application: forged handover due date',
    who: 'ops',
    send: (c) => c.request(updateItem('claim_applications', ids.application, { handover_due_at: future() })),
    status: 400,
    mentions: '移交期限',
  },
  {
    name: 'application: right verified is not a yes/no',
    who: 'market',
    send: (c) => c.request(updateItem('claim_applications', ids.application, { right_verified: 'maybe' })),
    status: 400,
    mentions: '已确认具有保险金请求权',
  },
  {
    name: 'application: complete before verification',
    who: 'market',
    send: (c) => c.request(updateItem('claim_applications', ids.application, { status: 'complete' })),
    status: 400,
    mentions: '尚未核验',
  },
  {
    name: 'application: handed over while collecting',
    who: 'ops',
    send: (c) => c.request(updateItem('claim_applications', ids.application, { status: 'handed_over' })),
    status: 400,
    mentions: '材料齐全后才能移交',
  },
  {
    name: 'application: handed over before complete (admin)',
    who: 'admin',
    send: (c) =>
      c.request(
        createItem('claim_applications', {
          claim_report: ids.report,
          claim_type: 'medical',
          applicant_name: '李四',
          materials_complete_at: '2026-11-10T02:00:00.000Z',
          handed_over_at: '2026-11-09T02:00:00.000Z',
        }),
      ),
    status: 400,
    mentions: '移交时间',
  },
  {
    name: 'application: unreal handover date (admin)',
    who: 'admin',
    send: (c) => c.request(updateItem('claim_applications', ids.application, { materials_complete_at: '2026-04-31T02:00:00.000Z' })),
    status: 400,
    mentions: '材料齐全时间',
  },
  // 退保 / 批改
  {
    name: 'surrender: unknown channel',
    who: 'market',
    send: (c) => c.request(createItem('surrender_requests', { channel: 'pigeon', policy: ids.policy, reason: '资金周转' })),
    status: 400,
    mentions: '提请方式',
  },
  {
    name: 'surrender: forged request number',
    who: 'market',
    send: (c) =>
      c.request(createItem('surrender_requests', { channel: 'phone', policy: ids.policy, reason: '资金周转', request_no: 'TB1' })),
    status: 400,
    mentions: '申请编号',
  },
  {
    name: 'surrender: NUL in the reason',
    who: 'market',
    send: (c) => c.request(updateItem('surrender_requests', ids.surrender, { reason: '资金\u0000周转' })),
    status: 400,
    mentions: '退保原因',
  },
  {
    name: 'surrender: oversized reason',
    who: 'market',
    send: (c) => c.request(updateItem('surrender_requests', ids.surrender, { reason: '因'.repeat(10_001) })),
    status: 400,
    mentions: '退保原因',
  },
  {
    name: 'endorsement: unit separator in the requested changes',
    who: 'market',
    send: (c) =>
      c.request(createItem('endorsement_requests', { channel: 'visit', policy: ids.policy, requested_changes: '变更\u001f电话' })),
    status: 400,
    mentions: '批改内容',
  },
  {
    name: 'endorsement: unknown status',
    who: 'market',
    send: (c) => c.request(updateItem('endorsement_requests', ids.endorsement, { status: 'teleported' })),
    status: 400,
    mentions: '状态',
  },
  {
    name: 'endorsement: DEL in the customer name',
    who: 'market',
    send: (c) => c.request(updateItem('endorsement_requests', ids.endorsement, { customer_name: '王五\u007f' })),
    status: 400,
    mentions: '客户姓名',
  },
  // 客户抱怨处理表
  {
    name: 'complaint: created as closed',
    who: 'market',
    send: (c) => c.request(createItem('complaints', complaintPayload({ stage: 'closed' }))),
    status: 400,
    mentions: '草稿',
  },
  {
    name: 'complaint: forged number',
    who: 'market',
    send: (c) => c.request(createItem('complaints', complaintPayload({ complaint_no: '261101' }))),
    status: 400,
    mentions: '投诉编号',
  },
  {
    name: 'complaint: negative offer',
    who: 'market',
    send: (c) => c.request(createItem('complaints', complaintPayload({ offer_amount: -5 }))),
    status: 400,
    mentions: '拟处理金额',
  },
  {
    name: 'complaint: unknown stage key',
    who: 'market',
    send: (c) => c.request(createItem('complaints', complaintPayload({ stage: 'escalated' }))),
    status: 400,
    mentions: '草稿',
  },
  {
    name: 'complaint: NUL in the demand',
    who: 'market',
    send: (c) => c.request(createItem('complaints', complaintPayload({ demand: '要求\u0000道歉' }))),
    status: 400,
    mentions: '客户要求',
  },
  {
    name: 'complaint: vertical tab in the reason',
    who: 'market',
    send: (c) => c.request(createItem('complaints', complaintPayload({ reason: '延误\u000b两周' }))),
    status: 400,
    mentions: '投诉理由',
  },
  {
    name: 'complaint: control character in the customer name',
    who: 'market',
    send: (c) => c.request(createItem('complaints', complaintPayload({ customer_name: '赵\u0002六' }))),
    status: 400,
    mentions: '客户姓名',
  },
  {
    name: 'complaint: draft straight to final review',
    who: 'market',
    send: (c) => moveComplaint(c, ids.draft, 'final_review'),
    status: 400,
    mentions: '不能从',
  },
  {
    name: 'complaint: 市场部 registers it',
    who: 'market',
    send: (c) => moveComplaint(c, ids.submitted, 'registered'),
    status: 403,
    mentions: '总经理室',
  },
  {
    name: 'complaint: stage changed by a PATCH',
    who: 'gm',
    send: (c) => c.request(updateItem('complaints', ids.submitted, { stage: 'registered' })),
    status: 400,
    mentions: '办理',
  },
  {
    name: 'complaint: a move with a field it does not take',
    who: 'gm',
    send: (c) => moveComplaint(c, ids.submitted, 'registered', { gm_opinion: '同意' }),
    status: 400,
    mentions: '总经理室综合意见',
  },
  {
    name: 'complaint: forged due date',
    who: 'gm',
    send: (c) => c.request(updateItem('complaints', ids.submitted, { due_at: future() })),
    status: 400,
    mentions: '结案期限',
  },
  {
    name: 'complaint: forged approval level',
    who: 'gm',
    send: (c) => c.request(updateItem('complaints', ids.submitted, { approval_level: '总经理' })),
    status: 400,
    mentions: '核决权限',
  },
  {
    name: 'complaint: forged step log entry time',
    who: 'gm',
    send: (c) => c.request(updateItem('complaints', ids.submitted, { stage_entered_at: '2026-11-01T00:00:00.000Z' })),
    status: 400,
    mentions: '进入本阶段时间',
  },
  {
    name: 'complaint: unknown responsible department',
    who: 'gm',
    send: (c) => c.request(updateItem('complaints', ids.review, { responsible_department: 'marketing' })),
    status: 400,
    mentions: '责任部门',
  },
  {
    name: 'complaint: promise before approval',
    who: 'market',
    send: (c) => c.request(updateItem('complaints', ids.draft, { customer_accepted: true })),
    status: 403,
    mentions: '核决',
  },
  {
    name: 'complaint: closed before it was registered (admin)',
    who: 'admin',
    send: (c) =>
      c.request(
        createItem(
          'complaints',
          complaintPayload({ stage: 'closed', registered_at: '2026-11-10T02:00:00.000Z', closed_at: '2026-11-01T02:00:00.000Z' }),
        ),
      ),
    status: 400,
    mentions: '结案时间',
  },
  {
    name: 'step log: a staff member writes a step',
    who: 'market',
    send: (c) =>
      c.request(createItem('complaint_steps', { complaint: ids.draft, to_stage: 'closed', entered_at: new Date().toISOString() })),
    status: 403,
    mentions: '权限',
  },
  // Reference data
  {
    name: 'policy: ends before it starts',
    who: 'admin',
    send: (c) =>
      c.request(
        createItem('policies', {
          policy_no: `BAD${Date.now()}`,
          product: ids.product,
          policyholder: ids.customer,
          insured: ids.customer,
          sum_insured: 1000,
          start_date: '2026-12-01',
          end_date: '2026-01-01',
        }),
      ),
    status: 400,
    mentions: '保险止期',
  },
  {
    name: 'policy: starts on 2026-02-30',
    who: 'market',
    send: (c) => c.request(updateItem('policies', ids.policy, { start_date: '2026-02-30' })),
    status: 400,
    mentions: '保险起期',
  },
  {
    name: 'policy: negative sum insured',
    who: 'market',
    send: (c) => c.request(updateItem('policies', ids.policy, { sum_insured: -1 })),
    status: 400,
    mentions: '保险金额',
  },
  {
    name: 'policy: unknown status',
    who: 'market',
    send: (c) => c.request(updateItem('policies', ids.policy, { status: 'cancelled' })),
    status: 400,
    mentions: '保单状态',
  },
  {
    name: 'policy: start moved after the end',
    who: 'market',
    send: (c) => c.request(updateItem('policies', ids.policy, { start_date: '2027-06-01' })),
    status: 400,
    mentions: '保险起期',
  },
  {
    name: 'customer: malformed ID number',
    who: 'market',
    send: (c) => c.request(createItem('customers', { name: '钱七', id_number: '12345' })),
    status: 400,
    mentions: '身份证号',
  },
  {
    name: 'customer: NUL in the name',
    who: 'market',
    send: (c) => c.request(updateItem('customers', ids.customer, { name: '张\u0000三' })),
    status: 400,
    mentions: '姓名',
  },
  {
    name: 'petition: another department',
    who: 'ops',
    send: (c) => c.request(createItem('petitions', { complaint: ids.draft, department: 'market', content: '有异议' })),
    status: 400,
    mentions: '呈报部门',
  },
  {
    name: 'petition: unknown department key',
    who: 'gm',
    send: (c) => c.request(createItem('petitions', { complaint: ids.draft, department: 'board', content: '有异议' })),
    status: 400,
    mentions: '呈报部门',
  },
  // Batches: one bad row refuses the whole request
  {
    name: 'batch create: third report on 2026-02-30',
    who: 'market',
    send: (c) =>
      c.request(
        createItems('claim_reports', [
          report({ insured_name: '批量一', policy: null }),
          report({ insured_name: '批量二', policy: null }),
          report({ insured_name: '批量三', policy: null, incident_at: '2026-02-30T01:00:00.000Z' }),
        ]),
      ),
    status: 400,
    mentions: '出险时间',
  },
  {
    name: 'batch update: second complaint with a control character',
    who: 'market',
    send: (c) =>
      c.request(
        updateItemsBatch('complaints', [
          { id: ids.draft, demand: '要求道歉' },
          { id: ids.draft, market_opinion: '属实\u0000' },
        ]),
      ),
    status: 400,
    mentions: '市场部意见',
  },
  {
    name: 'CSV import: one customer with a malformed ID number',
    who: 'admin',
    send: (c) =>
      importCsv(
        c,
        'customers',
        `name,id_number,phone\n导入甲,${idNumber()},13800000001\n导入乙,ABC,13800000002\n导入丙,${idNumber()},13800000003\n`,
      ),
    status: 400,
    mentions: '身份证号',
  },
  {
    name: 'CSV import: one complaint with a forged number',
    who: 'admin',
    send: (c) => importCsv(c, 'complaints', `customer_name,demand,reason,complaint_no\n导入甲,道歉,延误,\n导入乙,道歉,延误,269999\n`),
    status: 400,
    mentions: '投诉编号',
  },
  {
    name: 'sweep endpoint: a clerk runs it',
    who: 'market',
    send: (c) => rawRequest(c, 'POST', '/after-sales/sweep', {}),
    status: 403,
    mentions: '管理员',
  },
  {
    name: 'letter: unknown template',
    who: 'market',
    send: (c) =>
      rawRequest(c, 'POST', '/after-sales/letters', { template: 'love_letter', collection: 'claim_reports', item: String(ids.report) }),
    status: 400,
    mentions: '文书模板',
  },
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
  let previous = await productState(baseUrl(), admin);
  for (let attempt = 0; attempt < 10; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const current = await productState(baseUrl(), admin);
    if (current.checksum === previous.checksum) return current;
    previous = current;
  }
  throw new Error('the product tables kept changing without requests of this test');
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
