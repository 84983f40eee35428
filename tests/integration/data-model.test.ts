import { createItem, deleteItem, readCollections, readFields, readItem, readItems, readSettings, readSingleton } from '@directus/sdk';
import { beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, type Client } from '../helpers/api';
import { claimReportPayload, complaintPayload, createPolicyFixture } from '../helpers/fixtures';
import { PLAIN_TEXT_COLLECTIONS } from '../../extensions/after-sales/src/domain/input-rules';
import { REVISED_RULE_TABLES } from '../../extensions/after-sales/src/domain/rule-revision';

// Case and reference data (where staff type free text), the rule tables (changed on approval) and the rest.
const PRODUCT_COLLECTIONS = [
  ...PLAIN_TEXT_COLLECTIONS,
  ...Object.keys(REVISED_RULE_TABLES),
  'letters',
  'number_sequences',
  'deadline_events',
  'company_profile',
];

let admin: Client;
beforeAll(async () => {
  admin = await asAdmin();
});

describe('the data model speaks Chinese', () => {
  test('every product collection and folder has a zh-CN name', async () => {
    const collections = await admin.request(readCollections());
    const ours = collections.filter((c: any) => !c.collection.startsWith('directus_'));
    expect(ours.map((c: any) => c.collection)).toEqual(expect.arrayContaining(PRODUCT_COLLECTIONS));
    for (const collection of ours) {
      const zh = collection.meta?.translations?.find((t: any) => t.language === 'zh-CN');
      expect(zh?.translation, collection.collection).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('every field a clerk can see has a Chinese label, and every choice a Chinese text', async () => {
    const fields = await admin.request(readFields());
    const visible = fields.filter((f: any) => PRODUCT_COLLECTIONS.includes(f.collection) && f.meta && !f.meta.hidden);
    expect(visible.length).toBeGreaterThan(200);
    for (const field of visible) {
      const zh = field.meta.translations?.find((t: any) => t.language === 'zh-CN');
      expect(zh?.translation, `${field.collection}.${field.field}`).toMatch(/[\u4e00-\u9fff]/);
      for (const choice of field.meta.options?.choices ?? []) {
        expect(choice.text, `${field.collection}.${field.field}=${choice.value}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  test('the contract choice keys are offered with Chinese labels', async () => {
    const fields = await admin.request(readFields());
    const choices = (collection: string, field: string) =>
      fields.find((f: any) => f.collection === collection && f.field === field)?.meta.options.choices.map((c: any) => c.value);
    expect(choices('claim_reports', 'channel')).toEqual(['phone', 'visit', 'fax', 'letter', 'other']);
    expect(choices('claim_reports', 'status')).toEqual(['registered', 'not_accepted', 'no_policy', 'accepted', 'closed']);
    expect(choices('complaints', 'stage')).toEqual([
      'draft',
      'submitted',
      'registered',
      'investigating',
      'tech_analysis',
      'plan_review',
      'negotiating',
      'final_review',
      'closed',
    ]);
    expect(choices('policies', 'status')).toEqual(['in_force', 'lapsed', 'surrendered', 'terminated']);
    expect(choices('claim_applications', 'claim_type')).toEqual(['death', 'disability', 'burn', 'medical', 'property', 'other']);
  });

  test('project settings: name, Chinese by default, owner recorded', async () => {
    const settings = await admin.request(readSettings());
    expect(settings.project_name).toBe('售后服务管理');
    expect(settings.default_language).toBe('zh-CN');
    expect((settings as any).project_owner).toBe('admin@example.com');
  });
});

describe('one item of every collection through the API as admin', () => {
  test('creates and reads back each, with server-set numbers', async () => {
    const created: Record<string, any> = {};
    const make = async (collection: string, payload: Record<string, unknown>) => {
      const item = await admin.request(createItem(collection, payload));
      created[collection] = item;
      return item;
    };
    try {
      await createOneOfEach(make, created);
    } finally {
      // The rule rows made here would rule every later test on the same server: a transition 草稿 → 结案
      // opens a move. The numbering rule made again is the shipped one, so it stays.
      for (const collection of LIVE_RULE_TABLES)
        if (created[collection]) await admin.request(deleteItem(collection, created[collection].id));
    }
  });
});

/** Rule tables whose rows change what the server does for everyone; the test's rows there are removed after it. */
const LIVE_RULE_TABLES = [
  'deadline_rules',
  'complaint_transitions',
  'required_documents',
  'penalty_standards',
  'guidance_texts',
  'rule_parameters',
];

async function createOneOfEach(
  make: (collection: string, payload: Record<string, unknown>) => Promise<any>,
  created: Record<string, any>,
): Promise<void> {
  const { insurer, product, holder, policy } = await createPolicyFixture(admin);
  Object.assign(created, { insurers: insurer, products: product, customers: holder, policies: policy });

  const report = await make('claim_reports', claimReportPayload(policy.id));
  const application = await make('claim_applications', { claim_report: report.id, claim_type: 'medical', applicant_name: '李四' });
  await make('claim_documents', { application: application.id, doc_type: 'medical_records', received: true });
  await make('surrender_requests', { channel: 'visit', policy: policy.id, reason: '经济困难' });
  await make('endorsement_requests', { channel: 'fax', policy: policy.id, requested_changes: '变更联系电话' });
  const complaint = await make('complaints', complaintPayload({ policy: policy.id, claim_report: report.id }));
  await make('complaint_steps', {
    complaint: complaint.id,
    from_stage: 'draft',
    to_stage: 'submitted',
    department: 'market',
    entered_at: new Date().toISOString(),
  });
  await make('urge_notices', {
    collection: 'complaints',
    item: String(complaint.id),
    department: 'operations',
    issued_at: new Date().toISOString(),
    reason: '运营部调查已逾期',
  });
  await make('overdue_inquiries', {
    complaint: complaint.id,
    department: 'operations',
    overdue_by: 5,
    issued_at: new Date().toISOString(),
  });
  await make('petitions', { complaint: complaint.id, department: 'operations', content: '对责任判定有异议' });
  await make('complaint_monthly_stats', { period: '2099-01', closed_count: 0, by_department: {} });
  await make('letters', { template: 'rejection_notice', collection: 'claim_reports', item: String(report.id), html: '<p>通知</p>' });
  await make('claim_documents', { application: application.id, doc_type: 'claim_form', received: false });
  await make('work_calendar', { date: '2099-01-02', is_workday: false, name: '公司年会' });
  await make('deadline_rules', {
    key: 'test_rule_dm',
    name: '测试',
    case_collection: 'complaints',
    milestone: 'draft',
    limit_value: 2,
    limit_unit: 'days',
  });
  await make('penalty_standards', { code: 'T-DM', name: '测试情形', penalty_type: 'warning' });
  await make('required_documents', { claim_type: 'other', doc_type: 'claim_form' });
  await make('guidance_texts', { key: 'test_dm', collection: 'complaints', title: '测试', content: '您好' });
  await make('rule_parameters', { key: 'test_dm', name: '测试参数', value: 1 });
  await make('complaint_transitions', { from_stage: 'draft', to_stage: 'closed', department: 'gm_office' });
  // One row per level: the three levels are seeded, so the table is read rather than added to.
  created['approval_authorities'] = (await admin.request(readItems('approval_authorities', { limit: 1 })))[0];
  // A rule only numbers a numbered field, and each numbered collection has its shipped rule: one is made again.
  const [shipped] = await admin.request(
    readItems('numbering_rules', {
      filter: { collection: { _eq: 'endorsement_requests' } },
      fields: ['id', 'collection', 'field', 'name', 'prefix', 'period_format', 'min_digits'],
    }),
  );
  const { id: shippedId, ...numberingRule } = shipped!;
  await admin.request(deleteItem('numbering_rules', shippedId));
  await make('numbering_rules', numberingRule);
  await make('number_sequences', { key: 'test:2099', last_value: 0 });
  // The singleton is seeded; the letterhead reads it.
  created['company_profile'] = await admin.request(readSingleton('company_profile'));
  expect(created['company_profile']).toMatchObject({ name: expect.stringMatching(/[\u4e00-\u9fff]/), phone: expect.any(String) });

  await make('deadline_events', { key: `test:${Date.now()}`, kind: 'warning', created_at: new Date().toISOString() });

  expect(PRODUCT_COLLECTIONS.filter((c) => !created[c])).toEqual([]);
  for (const [collection, item] of Object.entries(created)) {
    if (collection === 'company_profile') continue;
    const again = await admin.request(readItem(collection, item.id));
    expect(again.id, collection).toBe(item.id);
  }

  // Numbers are set by the server from the numbering rules.
  const period = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: '2-digit', month: '2-digit' })
    .format(new Date())
    .replace('-', '');
  expect(created['claim_reports'].report_no).toMatch(new RegExp(`^BA${period}\\d{4}$`));
  expect(created['claim_applications'].application_no).toMatch(new RegExp(`^LP${period}\\d{4}$`));
  expect(created['urge_notices'].notice_no).toMatch(new RegExp(`^CB${period}\\d{3}$`));
  expect(created['letters'].letter_no).toMatch(new RegExp(`^WS${period}\\d{4}$`));
  expect(created['complaints'].complaint_no).toBeNull();
}
