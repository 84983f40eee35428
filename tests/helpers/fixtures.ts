import { createItem, readItems } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import type { Client } from './api';

const unique = () => randomUUID().slice(0, 8);

/**
 * A valid-shaped 18-digit ID number (checksum not computed: the schema only checks the shape), unique
 * within a test file and most unlikely to meet another file's: birth dates 1950-01-01 to 1999-12-28 and
 * a 4-digit sequence number drawn in order from a random start (168 million numbers). Random numbers
 * drawn independently met an earlier test's customer about once in a few dozen full runs.
 */
let idSerial = Math.floor(Math.random() * 168_000_000);
export const idNumber = () => {
  const n = idSerial++ % 168_000_000;
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  const [year, month, day, sequence] = [
    1950 + Math.floor(n / 3_360_000),
    1 + (Math.floor(n / 280_000) % 12),
    1 + (Math.floor(n / 10_000) % 28),
    n % 10_000,
  ];
  return `110101${year}${pad(month, 2)}${pad(day, 2)}${pad(sequence, 4)}`;
};

/** An insurer, a product covering accidents and illness, two customers and a policy in force. */
export async function createPolicyFixture(client: Client, overrides: Record<string, unknown> = {}) {
  const tag = unique();
  const insurer = await client.request(createItem('insurers', { name: `平安人寿${tag}`, code: `PA${tag}` }));
  const product = await client.request(
    createItem('products', {
      code: `P${tag}`,
      name: '意外伤害保险',
      insurer: insurer.id,
      covered_causes: ['accident', 'traffic'],
      claim_time_limit_days: 730,
    }),
  );
  const holder = await client.request(
    createItem('customers', { name: `张三${tag}`, id_number: idNumber(), phone: '13800000000', address: '上海市浦东新区' }),
  );
  const insured = await client.request(createItem('customers', { name: `李四${tag}`, id_number: idNumber(), phone: '13900000000' }));
  const policy = await client.request(
    createItem('policies', {
      policy_no: `BD${tag}`,
      product: product.id,
      policyholder: holder.id,
      insured: insured.id,
      sum_insured: 200000,
      start_date: '2026-01-01',
      end_date: '2026-12-31',
      status: 'in_force',
      ...overrides,
    }),
  );
  return { insurer, product, holder, insured, policy };
}

export function claimReportPayload(policyId: number | null, overrides: Record<string, unknown> = {}) {
  return {
    channel: 'phone',
    policy: policyId,
    insured_name: '李四',
    reporter_name: '王五',
    reporter_phone: '13700000000',
    reporter_relation: '配偶',
    incident_at: '2026-11-20T02:00:00.000Z',
    incident_place: '上海市徐汇区漕溪北路',
    incident_cause: 'accident',
    incident_description: '骑车摔倒，右腿骨折',
    ...overrides,
  };
}

export function complaintPayload(overrides: Record<string, unknown> = {}) {
  return {
    customer_name: '赵六',
    demand: '要求尽快赔付并道歉',
    reason: '理赔材料移交延误两周',
    market_opinion: '情况属实，建议加快处理',
    ...overrides,
  };
}

/** A complaint registered at `registeredAt` and closed at `closedAt` (administrators back-enter both). */
export function closedPayload(registeredAt: string, closedAt: string, overrides: Record<string, unknown> = {}) {
  return complaintPayload({ stage: 'closed', registered_at: registeredAt, closed_at: closedAt, ...overrides });
}

/** A complaint closed on `day` of `month` (YYYY-MM), registered on the 1st: one case in that month's statistics. */
export function closedInMonthPayload(month: string, day: string, overrides: Record<string, unknown> = {}) {
  return closedPayload(`${month}-01T02:00:00.000Z`, `${month}-${day}T02:00:00.000Z`, overrides);
}

/** A closed complaint whose quality check passed (K-QUALITY): it counts in its month's statistics. */
export async function createCheckedComplaint(client: Client, payload: Record<string, unknown>) {
  const complaint = await client.request(createItem('complaints', payload));
  await client.request(createItem('quality_checks', { complaint: complaint.id, result: 'passed' }));
  return complaint;
}

/** The complaint's history (complaint_steps) as `client` reads it, oldest first. */
export const complaintHistory = async (client: Client, complaint: number) =>
  (await client.request(
    readItems('complaint_steps', {
      filter: { complaint: { _eq: complaint } },
      fields: ['opinion', 'actor', 'department'],
      sort: ['id'],
      limit: -1,
    }),
  )) as any[];
