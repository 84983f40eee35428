import { createItem, updateItem } from '@directus/sdk';
import { expect, test } from 'vitest';
import { asAdmin, baseUrl, createStaffUser, failure } from '../helpers/api';
import { claimReportPayload, createPolicyFixture } from '../helpers/fixtures';

test("Directus's own refusals reach staff in Chinese, with the field named by its label and the original kept", async () => {
  const anonymous = await fetch(`${baseUrl()}/items/complaints`);
  const body = await anonymous.json();
  expect(anonymous.status).toBe(403);
  expect(body.errors[0].message).toBe('没有执行此操作的权限：您的角色不能访问或修改该数据（或其中的字段）。');
  expect(body.errors[0].extensions.message_en).toMatch(/permission/);

  const admin = await asAdmin();
  const clerk = await createStaffUser('市场部');
  // Products are read-only to staff: Directus's own permission check refuses the write.
  const { product } = await createPolicyFixture(admin);
  expect(await failure(clerk.client.request(updateItem('products', product.id, { name: '改名' })))).toMatchObject({
    status: 403,
    message: '没有执行此操作的权限：您的角色不能访问或修改该数据（或其中的字段）。',
  });

  const { incident_place: _place, ...withoutPlace } = claimReportPayload(null, { insured_name: `无地点${Date.now()}` });
  expect(await failure(clerk.client.request(createItem('claim_reports', withoutPlace)))).toMatchObject({
    status: 400,
    message: '“出险地点”为必填项。',
  });
  const { incident_at: _at, ...withoutTime } = claimReportPayload(null);
  expect(await failure(clerk.client.request(createItem('claim_reports', withoutTime)))).toMatchObject({
    status: 400,
    message: '“出险时间”为必填项。',
  });

  const { policy } = await createPolicyFixture(admin);
  const duplicate = await failure(admin.request(createItem('policies', { ...policy, id: undefined, policy_no: policy.policy_no })));
  expect(duplicate.status).toBe(400);
  expect(duplicate.message).toBe(`“保单号”的值“${policy.policy_no}”已存在，必须唯一。`);
});
