// Reference data and payloads the benchmarks send: policies in force, claim reports, complaints.
import { call } from './server.mjs';

const DAY = 86_400_000;
const localDate = (ms) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(ms));

/** `count` policies in force (an insurer, a product covering accidents, two customers each). */
export async function createPolicies(server, count) {
  const insurer = await call(server, 'POST', '/items/insurers', { name: '基准保险公司', code: 'BENCH' });
  const product = await call(server, 'POST', '/items/products', {
    code: 'BENCH-P',
    name: '意外伤害保险',
    insurer: insurer.id,
    covered_causes: ['accident', 'traffic'],
    claim_time_limit_days: 730,
  });
  const ids = [];
  for (let i = 0; i < count; i++) {
    const holder = await call(server, 'POST', '/items/customers', {
      name: `投保人${i}`,
      id_number: `11010119800101${String(1000 + i)}`,
      phone: '13800000000',
    });
    const insured = await call(server, 'POST', '/items/customers', {
      name: `被保险人${i}`,
      id_number: `11010119900101${String(1000 + i)}`,
      phone: '13900000000',
    });
    const policy = await call(server, 'POST', '/items/policies', {
      policy_no: `BENCH${String(i).padStart(4, '0')}`,
      product: product.id,
      policyholder: holder.id,
      insured: insured.id,
      sum_insured: 200000,
      start_date: localDate(Date.now() - 300 * DAY),
      end_date: localDate(Date.now() + 60 * DAY),
      status: 'in_force',
    });
    ids.push(policy.id);
  }
  return ids;
}

/**
 * The i-th claim report of a run: spread over the policies and over accident days, so no two
 * are duplicates (same policy, same accident date) and every one is accepted for review.
 */
export function claimReport(policies, i, overrides = {}) {
  const incident = Date.now() - (1 + Math.floor(i / policies.length)) * DAY;
  return {
    channel: 'phone',
    policy: policies[i % policies.length],
    insured_name: `被保险人${i % policies.length}`,
    reporter_name: '王五',
    reporter_phone: '13700000000',
    reporter_relation: '配偶',
    incident_at: new Date(incident).toISOString(),
    incident_place: '上海市徐汇区漕溪北路',
    incident_cause: 'accident',
    incident_description: '骑车摔倒，右腿骨折',
    ...overrides,
  };
}

export function complaint(i, overrides = {}) {
  return {
    customer_name: `客户${i}`,
    demand: '要求尽快赔付并道歉',
    reason: '理赔材料移交延误两周',
    market_opinion: '情况属实，建议加快处理',
    ...overrides,
  };
}
