import { createItem } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, baseUrl, callEndpoint, createStaffUser, type Client, type StaffUser } from '../helpers/api';
import { claimReportPayload, createPolicyFixture, idNumber } from '../helpers/fixtures';

let admin: Client;
let clerk: StaffUser;
let gm: StaffUser;
let tech: StaffUser;

// Two customers named alike (namesakes), each insured by a policy of the same product.
const tag = randomUUID().slice(0, 6);
const name = `张伟${tag}`;
const people = [
  { name, id_number: idNumber(), phone: `137${String(Date.now()).slice(-8)}` },
  { name, id_number: idNumber(), phone: `136${String(Date.now()).slice(-8)}` },
];
let fixture: Awaited<ReturnType<typeof createPolicyFixture>>;
let namesakePolicy: Record<string, any>;

const search = (user: { client: Client } | Client, q: string) =>
  callEndpoint('client' in user ? user.client : user, 'GET', `/after-sales/claim-reports/policy-search?q=${encodeURIComponent(q)}`);

beforeAll(async () => {
  admin = await asAdmin();
  [clerk, gm, tech] = await Promise.all([createStaffUser('市场部'), createStaffUser('总经理室'), createStaffUser('技术部')]);
  const [first, second] = (await Promise.all(people.map((person) => admin.request(createItem('customers', person))))) as any[];
  fixture = await createPolicyFixture(admin, { insured: first.id });
  namesakePolicy = await admin.request(
    createItem('policies', {
      policy_no: `BD${tag}N`,
      product: fixture.product.id,
      policyholder: fixture.holder.id,
      insured: second.id,
      sum_insured: 100000,
      start_date: '2025-01-01',
      end_date: '2025-12-31',
      status: 'lapsed',
      terminated_at: '2025-06-01',
    }),
  );
});

describe('GET /after-sales/claim-reports/policy-search (C-LOOKUP)', () => {
  test('a clerk finds namesakes by name, side by side, with what tells them apart and what fills the report', async () => {
    const response = await search(clerk, name);
    expect(response.status).toBe(200);
    const choices = response.json.data;
    expect(choices.map((choice: any) => choice.policy_no)).toEqual([fixture.policy.policy_no, namesakePolicy['policy_no']]);
    const [inForce, lapsed] = choices;
    expect(inForce).toMatchObject({
      status: 'in_force',
      status_label: '有效',
      period: '2026-01-01 至 2026-12-31',
      product: { name: '意外伤害保险' },
      matched_by: ['被保险人'],
      insured: {
        name,
        id_number: people[0]!.id_number,
        id_number_masked: `${people[0]!.id_number.slice(0, 3)}***********${people[0]!.id_number.slice(-4)}`,
      },
    });
    expect(lapsed).toMatchObject({ status_label: '失效', insured: { name, id_number: people[1]!.id_number } });
    expect(inForce.insured.id_number_masked).not.toBe(lapsed.insured.id_number_masked);
    expect(inForce.insured.phone_masked).toBe(`${people[0]!.phone.slice(0, 3)}****${people[0]!.phone.slice(-4)}`);
    expect(inForce.policyholder).not.toHaveProperty('id_number');
  });

  test.each([
    ['the ID number', () => people[1]!.id_number, () => namesakePolicy['policy_no'], '被保险人'],
    ['the phone', () => people[0]!.phone, () => fixture.policy.policy_no, '被保险人'],
    ['the policy number', () => ` ${fixture.policy.policy_no.toLowerCase()} `, () => fixture.policy.policy_no, '保单号'],
    ["the policyholder's name", () => fixture.holder.name, () => fixture.policy.policy_no, '投保人'],
  ])('a clerk finds the policy by %s', async (_label, term, policyNo, matched) => {
    const choices = (await search(clerk, term())).json.data;
    const found = choices.find((choice: any) => choice.policy_no === policyNo());
    expect(found?.matched_by).toContain(matched);
  });

  test('an open report on the policy comes with it (a second call about the same accident)', async () => {
    const report = await clerk.client.request(createItem('claim_reports', claimReportPayload(fixture.policy.id, { insured_name: name })));
    const [choice] = (await search(clerk, fixture.policy.policy_no)).json.data;
    expect(choice.open_reports).toEqual([
      { id: report.id, report_no: report.report_no, status: 'registered', status_label: '已登记', incident_at: expect.any(String) },
    ]);
  });

  test('总经理室 (personal data withheld) never finds by a full ID number or phone and receives only masked copies', async () => {
    expect((await search(gm, people[1]!.id_number)).json.data).toEqual([]);
    expect((await search(gm, people[0]!.phone)).json.data).toEqual([]);
    const byName = await search(gm, name);
    expect(byName.json.data).toHaveLength(2);
    for (const value of [people[0]!.id_number, people[1]!.id_number, people[0]!.phone, people[1]!.phone])
      expect(byName.text).not.toContain(value);
    expect(byName.json.data[0].insured).not.toHaveProperty('id_number');
    // The last four digits the masked copy shows are enough to tell the namesakes apart.
    const byLastFour = (await search(gm, people[1]!.id_number.slice(-4))).json.data.map((choice: any) => choice.policy_no);
    expect(byLastFour).toContain(namesakePolicy['policy_no']);
  });

  test('技术部 reads no customers: it finds by policy number only, with no person in the answer', async () => {
    expect((await search(tech, name)).json.data).toEqual([]);
    const [choice] = (await search(tech, fixture.policy.policy_no)).json.data;
    expect(choice).toMatchObject({ policy_no: fixture.policy.policy_no, insured: null, policyholder: null });
  });

  test('too little to search is a 400 in Chinese; without a login it is refused', async () => {
    const short = await search(clerk, '张');
    expect(short.status).toBe(400);
    expect(short.json.errors[0].message).toBe('请至少输入 2 个字：保单号、被保险人或投保人姓名、身份证号或电话。');
    const anonymous = await fetch(`${baseUrl()}/after-sales/claim-reports/policy-search?q=${encodeURIComponent(name)}`);
    expect(anonymous.status).toBe(403);
  });
});
