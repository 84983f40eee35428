import { createItem, readItem, updateItem } from '@directus/sdk';
import { beforeAll, expect, test } from 'vitest';
import { asAdmin, createStaffUser, failure, previewLetter, type Client, type StaffUser } from '../helpers/api';
import { claimReportPayload, createPolicyFixture } from '../helpers/fixtures';

// Issue 18 (C-INTAKE): the policy period shown when the clerk picks the policy is stored on the report,
// as the review judged it: later reads and the printed notice keep it when the policy record changes.
let admin: Client;
let clerk: StaffUser;
beforeAll(async () => {
  admin = await asAdmin();
  clerk = await createStaffUser('市场部');
});

test('the report keeps the period of the policy it was taken on; a client cannot write it', async () => {
  const { policy } = await createPolicyFixture(admin);
  const report = await clerk.client.request(createItem('claim_reports', claimReportPayload(policy.id)));
  const read = () => clerk.client.request(readItem('claim_reports', report.id, { fields: ['policy_start_date', 'policy_end_date'] }));
  expect(await read()).toEqual({ policy_start_date: '2026-01-01', policy_end_date: '2026-12-31' });

  // The policy is renewed later: the report still says what was in force when it was taken.
  await admin.request(updateItem('policies', policy.id, { start_date: '2027-01-01', end_date: '2027-12-31' }));
  expect(await read()).toEqual({ policy_start_date: '2026-01-01', policy_end_date: '2026-12-31' });

  for (const client of [clerk.client, admin]) {
    const refused = await failure(client.request(updateItem('claim_reports', report.id, { policy_end_date: '2030-12-31' })));
    expect(refused.status).toBe(400);
    expect(refused.message).toContain('保险期间止');
  }
  // Other departments read it with the report.
  const ops = await createStaffUser('运营部');
  expect(await ops.client.request(readItem('claim_reports', report.id, { fields: ['policy_start_date'] }))).toEqual({
    policy_start_date: '2026-01-01',
  });
});

test('a report without a policy has no period; the rejection notice prints the stored one', async () => {
  const noPolicy = await clerk.client.request(createItem('claim_reports', claimReportPayload(null, { policy_no_given: 'NOPE-1' })));
  expect(
    await clerk.client.request(readItem('claim_reports', noPolicy.id, { fields: ['status', 'policy_start_date', 'policy_end_date'] })),
  ).toEqual({ status: 'no_policy', policy_start_date: null, policy_end_date: null });

  // The accident (2026-11-20) is after the policy ended: 不予受理, out of period.
  const { policy } = await createPolicyFixture(admin, { start_date: '2025-01-01', end_date: '2025-12-31' });
  const report = await clerk.client.request(createItem('claim_reports', claimReportPayload(policy.id)));
  expect(await clerk.client.request(readItem('claim_reports', report.id, { fields: ['status', 'rejection_reasons'] }))).toEqual({
    status: 'not_accepted',
    rejection_reasons: ['out_of_period'],
  });
  await admin.request(updateItem('policies', policy.id, { end_date: '2026-12-31' }));
  const preview = await previewLetter(clerk.client, 'rejection_notice', 'claim_reports', report.id);
  expect(preview.status).toBe(200);
  expect(preview.text).toContain('保险期间：2025年1月1日至2025年12月31日');
});
