import { createItem, createShare, deleteItem, readItem, readItems, updateItem } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accessFile, declaredCell } from '../helpers/access-file';
import { asAdmin, baseUrl, createStaffUser, type Client, type StaffUser } from '../helpers/api';
import { matchesFilter } from '../helpers/filter-match';
import { claimReportPayload, complaintPayload, createPolicyFixture } from '../helpers/fixtures';

// Every product collection, with a field any writer may touch and a payload to create one.
type Refs = { insurer: number; product: number; customer: number; policy: number; report: number; application: number; complaint: number };
const COLLECTIONS: Record<string, { touch: Record<string, unknown>; create: (refs: Refs, department: string) => Record<string, unknown> }> =
  {
    insurers: {
      touch: { contact_phone: '95500' },
      create: () => ({ name: '测试保险', code: `T${Math.random().toString(36).slice(2, 8)}` }),
    },
    products: {
      touch: { name: '改名险种' },
      create: (r) => ({
        code: `X${Math.random().toString(36).slice(2, 8)}`,
        name: '测试险',
        insurer: r.insurer,
        covered_causes: ['accident'],
        claim_time_limit_days: 30,
      }),
    },
    customers: { touch: { phone: '13100000000' }, create: () => ({ name: '矩阵客户' }) },
    policies: {
      touch: { sum_insured: 123 },
      create: (r) => ({
        policy_no: `M${Math.random().toString(36).slice(2, 10)}`,
        product: r.product,
        policyholder: r.customer,
        insured: r.customer,
        sum_insured: 1000,
        start_date: '2026-01-01',
        end_date: '2026-12-31',
        status: 'in_force',
      }),
    },
    claim_reports: {
      touch: { incident_place: '矩阵路1号' },
      create: () => claimReportPayload(null, { insured_name: `矩阵${Math.random().toString(36).slice(2, 8)}` }),
    },
    claim_applications: {
      touch: { applicant_relation: '本人' },
      create: (r) => ({ claim_report: r.report, claim_type: 'medical', applicant_name: '矩阵' }),
    },
    claim_documents: { touch: { note: '已核对' }, create: (r) => ({ application: r.application, doc_type: 'claim_form' }) },
    surrender_requests: { touch: { customer_name: '矩阵' }, create: (r) => ({ channel: 'phone', policy: r.policy, reason: '测试' }) },
    endorsement_requests: {
      touch: { customer_name: '矩阵' },
      create: (r) => ({ channel: 'phone', policy: r.policy, requested_changes: '测试' }),
    },
    complaints: { touch: { handling_opinion: '矩阵意见' }, create: () => complaintPayload() },
    complaint_steps: {
      touch: { opinion: '同意' },
      create: (r) => ({ complaint: r.complaint, to_stage: 'submitted', entered_at: new Date().toISOString() }),
    },
    urge_notices: {
      touch: { acknowledged_at: new Date().toISOString() },
      create: (r, d) => ({
        collection: 'complaints',
        item: String(r.complaint),
        department: d,
        issued_at: new Date().toISOString(),
        reason: '测试',
      }),
    },
    overdue_inquiries: {
      touch: { reply: '人手不足' },
      create: (r, d) => ({ complaint: r.complaint, department: d, issued_at: new Date().toISOString() }),
    },
    petitions: { touch: { content: '补充说明' }, create: (r, d) => ({ complaint: r.complaint, department: d, content: '有异议' }) },
    complaint_monthly_stats: {
      touch: { improvement_actions: '加强培训' },
      create: () => ({ period: `20${Math.floor(Math.random() * 70) + 30}-0${Math.floor(Math.random() * 9) + 1}` }),
    },
    letters: {
      touch: { originals_returned: true },
      create: (r) => ({ template: 'rejection_notice', collection: 'claim_reports', item: String(r.report), html: '<p/>' }),
    },
    work_calendar: {
      touch: { name: '改名' },
      create: () => ({ date: `2098-01-${String(Math.floor(Math.random() * 28) + 1).padStart(2, '0')}`, is_workday: true }),
    },
    deadline_rules: {
      touch: { name: '改名' },
      create: () => ({
        key: `m${Math.random()}`,
        name: 'x',
        case_collection: 'complaints',
        milestone: 'draft',
        limit_value: 1,
        limit_unit: 'days',
      }),
    },
    approval_authorities: { touch: { description: '改' }, create: () => ({ level: '总经理' }) },
    penalty_standards: {
      touch: { description: '改' },
      create: () => ({ code: `m${Math.random()}`.slice(0, 12), name: 'x', penalty_type: 'none' }),
    },
    required_documents: { touch: { note: '改' }, create: () => ({ claim_type: 'other', doc_type: 'claim_form' }) },
    guidance_texts: {
      touch: { title: '改' },
      create: () => ({ key: `m${Math.random()}`, collection: 'complaints', title: 'x', content: 'x' }),
    },
    rule_parameters: { touch: { name: '改' }, create: () => ({ key: `m${Math.random()}`, name: 'x', value: 1 }) },
    complaint_transitions: {
      touch: { requires_approval: false },
      create: () => ({ from_stage: 'draft', to_stage: 'closed', department: 'market' }),
    },
    numbering_rules: {
      touch: { name: '改' },
      create: () => ({ collection: 'letters', field: 'letter_no', name: 'x', period_format: 'YYMM', min_digits: 2 }),
    },
    number_sequences: { touch: { last_value: 0 }, create: () => ({ key: `m${Math.random()}`, last_value: 0 }) },
  };

const DEPARTMENTS = ['market', 'operations', 'gm_office', 'tech', 'quality'];
const STAGES = ['draft', 'submitted', 'investigating', 'tech_analysis', 'negotiating', 'closed'];
const USERS: [string, string[]][] = [
  ['市场部', []],
  ['运营部', []],
  ['总经理室', []],
  ['技术部', []],
  ['质量管理部', []],
  ['市场部', ['业务部经理']],
  ['总经理室', ['副总经理']],
  ['总经理室', ['总经理']],
];

let admin: Client;
let refs: Refs;
const samples: Record<string, Record<string, unknown>[]> = {};
const staff: { role: string; levels: string[]; user: StaffUser }[] = [];

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error: any) {
    return error?.response?.status ?? 0;
  }
}

beforeAll(async () => {
  admin = await asAdmin();
  const fixture = await createPolicyFixture(admin);
  const report = await admin.request(createItem('claim_reports', claimReportPayload(fixture.policy.id)));
  const application = await admin.request(
    createItem('claim_applications', { claim_report: report.id, claim_type: 'medical', applicant_name: '李四' }),
  );
  const complaint = await admin.request(createItem('complaints', complaintPayload()));
  refs = {
    insurer: fixture.insurer.id,
    product: fixture.product.id,
    customer: fixture.holder.id,
    policy: fixture.policy.id,
    report: report.id,
    application: application.id,
    complaint: complaint.id,
  };

  // One sample per collection; several where a cell depends on the item (stage, department).
  for (const [collection, spec] of Object.entries(COLLECTIONS)) {
    if (
      collection === 'complaints' ||
      collection === 'complaint_steps' ||
      ['urge_notices', 'overdue_inquiries', 'petitions'].includes(collection)
    )
      continue;
    // Tables with one row per key (levels, numbered collections) use a seeded row as their sample.
    const seeded = collection === 'approval_authorities' || collection === 'numbering_rules';
    const item = seeded
      ? (await admin.request(readItems(collection, { limit: 1 })))[0]!
      : await admin.request(createItem(collection, spec.create(refs, 'market')));
    samples[collection] = [item];
  }
  samples['complaints'] = [];
  samples['complaint_steps'] = [];
  for (const stage of STAGES) {
    const extra = stage === 'tech_analysis' ? {} : stage === 'closed' ? { tech_analysis: '已分析' } : {};
    const item = await admin.request(createItem('complaints', complaintPayload({ stage, ...extra })));
    samples['complaints'].push(item);
    const step = await admin.request(
      createItem('complaint_steps', { complaint: item.id, to_stage: stage, entered_at: new Date().toISOString() }),
    );
    samples['complaint_steps'].push({ ...step, complaint: item });
  }
  for (const collection of ['urge_notices', 'overdue_inquiries', 'petitions']) {
    samples[collection] = [];
    for (const department of DEPARTMENTS)
      samples[collection]!.push(await admin.request(createItem(collection, COLLECTIONS[collection]!.create(refs, department))));
  }
  for (const [role, levels] of USERS) staff.push({ role, levels, user: await createStaffUser(role, levels) });
});

// Rule rows made as samples would change the rules every later test on this server runs under
// (a draft → closed transition makes an illegal move legal): remove them again.
const RULE_SAMPLES = [
  'complaint_transitions',
  'deadline_rules',
  'work_calendar',
  'rule_parameters',
  'guidance_texts',
  'penalty_standards',
  'required_documents',
];
afterAll(async () => {
  for (const collection of RULE_SAMPLES) {
    for (const item of samples[collection] ?? []) await admin.request(deleteItem(collection, item['id'] as number)).catch(() => undefined);
  }
});

describe('permission matrix over HTTP', () => {
  test('every cell observed equals the cell declared in snapshots/access.yaml', async () => {
    const mismatches: string[] = [];
    let cells = 0;
    const check = (who: string, what: string, expectedAllowed: boolean, observed: number) => {
      cells++;
      const allowed = observed >= 200 && observed < 300;
      if (allowed !== expectedAllowed || (!allowed && (observed < 400 || observed >= 500))) {
        mismatches.push(`${who} ${what}: declared ${expectedAllowed ? 'allow' : 'deny'}, got HTTP ${observed}`);
      }
    };

    for (const { role, levels, user } of staff) {
      const who = levels.length ? `${role}+${levels.join('+')}` : role;
      const department = accessFile.policies.find((p) => p.name === role)?.department ?? '';
      for (const [collection, spec] of Object.entries(COLLECTIONS)) {
        const cell = declaredCell(role, collection);
        const can = (action: 'C' | 'R' | 'U' | 'D') => Boolean(cell?.actions.includes(action));
        const reach = (action: 'read' | 'update', item: Record<string, unknown>) => !cell?.[action] || matchesFilter(cell[action]!, item);

        // create: for department-bound collections try the user's own department and another one.
        const departmentsToTry = ['urge_notices', 'overdue_inquiries', 'petitions'].includes(collection)
          ? [department, department === 'market' ? 'tech' : 'market']
          : [department];
        for (const target of departmentsToTry) {
          const payload = spec.create(refs, target);
          const expected = can('C') && (!cell?.create || matchesFilter(cell.create, payload));
          check(
            who,
            `create ${collection} (department ${target})`,
            expected,
            await status(user.client.request(createItem(collection, payload))),
          );
        }
        for (const item of samples[collection]!) {
          const label = `${collection}#${item['id']}${item['stage'] ? `(${item['stage']})` : ''}${item['department'] ? `(${item['department']})` : ''}`;
          check(
            who,
            `read ${label}`,
            can('R') && reach('read', item),
            await status(user.client.request(readItem(collection, item['id'] as number))),
          );
          check(
            who,
            `update ${label}`,
            can('U') && reach('update', item),
            await status(user.client.request(updateItem(collection, item['id'] as number, spec.touch))),
          );
        }
        const victim = samples[collection]![0]!;
        check(who, `delete ${collection}`, can('D'), await status(user.client.request(deleteItem(collection, victim['id'] as number))));
      }
    }
    console.log(`permission matrix: ${cells} cells checked over HTTP for ${staff.length} users`);
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThan(1000);
  });

  test('server-set and back-entry fields are refused to staff, allowed where declared', async () => {
    const byRole = (role: string, levels: string[] = []) =>
      staff.find((s) => s.role === role && s.levels.join() === levels.join())!.user.client;
    const report = samples['claim_reports']![0]!['id'] as number;
    const draft = samples['complaints']!.find((c) => c['stage'] === 'draft')!['id'] as number;
    const refused = [
      [byRole('市场部'), 'claim_reports', report, { report_no: 'BA999' }],
      [byRole('市场部'), 'claim_reports', report, { status: 'accepted' }],
      [byRole('运营部'), 'claim_reports', report, { hq_due_at: new Date().toISOString() }],
      [byRole('市场部'), 'claim_reports', report, { reported_at: '2026-01-01T00:00:00Z' }],
      [byRole('市场部'), 'complaints', draft, { registered_at: '2026-01-01T00:00:00Z' }],
      [byRole('总经理室'), 'complaints', draft, { complaint_no: '261199' }],
      [byRole('总经理室', ['总经理']), 'complaints', draft, { approval_level: '总经理' }],
    ] as const;
    for (const [client, collection, id, payload] of refused) {
      const observed = await status(client.request(updateItem(collection, id, payload)));
      expect(observed, `${collection} ${JSON.stringify(payload)}`).toBeGreaterThanOrEqual(400);
      expect(observed).toBeLessThan(500);
    }
    // The GM Office back-enters its acceptance time while the complaint is in its hands.
    const submitted = samples['complaints']!.find((c) => c['stage'] === 'submitted')!['id'] as number;
    await expect(
      byRole('总经理室').request(updateItem('complaints', submitted, { registered_at: '2026-11-02T01:00:00.000Z' })),
    ).resolves.toMatchObject({ id: submitted });
    await expect(admin.request(updateItem('claim_reports', report, { reported_at: '2026-11-20T03:00:00.000Z' }))).resolves.toMatchObject({
      id: report,
    });
  });

  test('no staff role may share an item', async () => {
    for (const { role, user } of staff) {
      const observed = await status(user.client.request(createShare({ collection: 'complaints', item: String(refs.complaint) } as any)));
      expect(observed, role).toBe(403);
    }
  });

  test('anonymous requests to every product collection are refused', async () => {
    for (const collection of Object.keys(COLLECTIONS)) {
      const read = await fetch(`${baseUrl()}/items/${collection}`);
      const write = await fetch(`${baseUrl()}/items/${collection}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect([401, 403], `GET ${collection}`).toContain(read.status);
      expect([401, 403], `POST ${collection}`).toContain(write.status);
    }
  });
});
