import { createItem, deleteItem, readItems, readMe, readNotifications, updateItem } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, baseUrl, callEndpoint, createStaffUser, failure, type Client, type StaffUser } from '../helpers/api';

// K-RULES (第十六条): every change of a rule table is an entry of 规则修订记录, written in the change's
// transaction, in force at once and pending until a holder of the 总经理 policy approves it.

let admin: Client;
let adminId: string;
let chief: StaffUser;
let gmOffice: StaffUser;
let clerk: StaffUser;

const revisionsOf = (collection: string, item: string | number) =>
  admin.request(
    readItems('rule_revisions', { filter: { rule_collection: { _eq: collection }, item: { _eq: String(item) } }, sort: ['id'], limit: -1 }),
  ) as Promise<any[]>;

beforeAll(async () => {
  admin = await asAdmin();
  adminId = (await admin.request(readMe({ fields: ['id'] }))).id as string;
  chief = await createStaffUser('总经理室', ['总经理']);
  gmOffice = await createStaffUser('总经理室');
  clerk = await createStaffUser('市场部');
});

const guidance = (tag: string) => ({
  key: `test_${tag}`,
  collection: 'claim_reports',
  step: 'intake',
  title: `测试话术${tag}`,
  content: '请先核对保单号。',
  sort: 99,
});

describe('规则修订记录: every write path records old → new, who and when', () => {
  test('create, update and delete of a rule row through REST are three pending entries', async () => {
    const tag = randomUUID().slice(0, 8);
    const row = await admin.request(createItem('guidance_texts', guidance(tag)));
    await admin.request(updateItem('guidance_texts', row.id, { title: `改过的话术${tag}` }));
    await admin.request(deleteItem('guidance_texts', row.id));

    const entries = await revisionsOf('guidance_texts', row.id);
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'update', 'delete']);
    const [created, updated, deleted] = entries;
    expect(created).toMatchObject({
      before: null,
      after: { title: `测试话术${tag}` },
      item_label: `测试话术${tag}`,
      changed_by: adminId,
      status: 'pending',
    });
    expect(updated).toMatchObject({ changed_fields: ['title'], before: { title: `测试话术${tag}` }, after: { title: `改过的话术${tag}` } });
    expect(deleted).toMatchObject({ after: null, before: { title: `改过的话术${tag}`, key: `test_${tag}` } });
    for (const entry of entries) expect(Date.parse(entry.changed_at)).toBeGreaterThan(Date.now() - 120_000);
  });

  test('an update through GraphQL is recorded too, a save that changes nothing is not', async () => {
    const tag = randomUUID().slice(0, 8);
    const row = await admin.request(createItem('guidance_texts', guidance(tag)));
    await admin.request(updateItem('guidance_texts', row.id, { title: `测试话术${tag}` }));
    const token: string = await (admin as any).getToken();
    const response = await fetch(`${baseUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `mutation { update_guidance_texts_item(id: ${row.id}, data: { content: "先问候，再核对保单号。" }) { id } }`,
      }),
    });
    expect(response.status).toBe(200);
    const entries = await revisionsOf('guidance_texts', row.id);
    expect(entries.map((entry) => [entry.action, entry.changed_fields])).toEqual([
      ['create', expect.any(Array)],
      ['update', ['content']],
    ]);
    expect(entries[1]).toMatchObject({ before: { content: '请先核对保单号。' }, after: { content: '先问候，再核对保单号。' } });
    await admin.request(deleteItem('guidance_texts', row.id));
  });

  test('a refused write leaves no entry', async () => {
    const tag = randomUUID().slice(0, 8);
    const row = await admin.request(createItem('guidance_texts', guidance(tag)));
    // The key is unique: the second row fails inside its transaction.
    expect((await failure(admin.request(createItem('guidance_texts', { ...guidance(tag), title: `重复${tag}` })))).status).toBe(400);
    const titles = (await admin.request(
      readItems('rule_revisions', { filter: { item_label: { _eq: `重复${tag}` } }, fields: ['id'] }),
    )) as any[];
    expect(titles).toEqual([]);
    // A deadline rule with a limit of 0 breaks its validation: refused, not recorded.
    const [rule] = (await admin.request(readItems('deadline_rules', { limit: 1, fields: ['id', 'limit_value'] }))) as any[];
    const before = (await revisionsOf('deadline_rules', rule.id)).length;
    expect((await failure(admin.request(updateItem('deadline_rules', rule.id, { limit_value: 0 })))).status).toBe(400);
    expect(await revisionsOf('deadline_rules', rule.id)).toHaveLength(before);
    await admin.request(deleteItem('guidance_texts', row.id));
  });
});

describe('approval by the 总经理 (第十六条)', () => {
  test('the holder of the 总经理 policy approves; administrators and others are refused in Chinese', async () => {
    const tag = randomUUID().slice(0, 8);
    const row = await admin.request(createItem('guidance_texts', guidance(tag)));
    const [entry] = await revisionsOf('guidance_texts', row.id);

    const byAdmin = await failure(admin.request(updateItem('rule_revisions', entry.id, { status: 'approved' })));
    expect(byAdmin).toMatchObject({ status: 403 });
    expect(byAdmin.message).toContain('总经理');
    expect((await failure(gmOffice.client.request(updateItem('rule_revisions', entry.id, { status: 'approved' })))).status).toBe(403);
    expect((await failure(chief.client.request(updateItem('rule_revisions', entry.id, { after: { title: '伪造' } })))).status).toBe(400);

    await chief.client.request(updateItem('rule_revisions', entry.id, { status: 'approved', approval_opinion: '同意' }));
    const [approved] = await revisionsOf('guidance_texts', row.id);
    expect(approved).toMatchObject({
      status: 'approved',
      approval_opinion: '同意',
      approved_by: chief.id,
      after: { title: `测试话术${tag}` },
    });
    expect(Date.parse(approved.approved_at)).toBeGreaterThan(Date.now() - 120_000);

    const again = await failure(chief.client.request(updateItem('rule_revisions', entry.id, { approval_opinion: '改主意' })));
    expect(again.status).toBe(400);
    expect(again.message).toContain('已核准');
    await admin.request(deleteItem('guidance_texts', row.id));
  });

  test('entries are made and kept by the server alone: no hand-made entry, no deletion, not even by an administrator', async () => {
    const [entry] = (await admin.request(readItems('rule_revisions', { limit: 1, fields: ['id'] }))) as any[];
    const made = await failure(
      admin.request(
        createItem('rule_revisions', {
          rule_collection: 'deadline_rules',
          item: '1',
          action: 'update',
          changed_at: new Date().toISOString(),
        }),
      ),
    );
    expect(made.status).toBe(403);
    expect(made.message).toContain('不能手工新增');
    const removed = await failure(admin.request(deleteItem('rule_revisions', entry.id)));
    expect(removed.status).toBe(403);
    expect(removed.message).toContain('不能删除');
  });

  test('pending entries are what the GM Office and administrators see; other departments read none', async () => {
    const pending = (await gmOffice.client.request(
      readItems('rule_revisions', { filter: { status: { _eq: 'pending' } }, limit: 5 }),
    )) as any[];
    expect(pending.length).toBeGreaterThan(0);
    expect((await failure(clerk.client.request(readItems('rule_revisions', { limit: 1 })))).status).toBe(403);
  });
});

test('the 总经理 is told once by the sweep that new revisions wait for approval', async () => {
  const tag = randomUUID().slice(0, 8);
  const row = await admin.request(createItem('guidance_texts', guidance(tag)));
  const noticesOf = (user: StaffUser) =>
    admin.request(
      readNotifications({ filter: { recipient: { _eq: user.id }, subject: { _contains: '规则修订' } }, fields: ['subject', 'message'] }),
    ) as Promise<any[]>;
  expect((await callEndpoint(admin, 'POST', '/after-sales/sweep')).status).toBe(200);
  const told = await noticesOf(chief);
  expect(told).toHaveLength(1);
  expect(told[0].subject).toMatch(/【规则修订】\d+ 条待总经理核准/);
  expect(told[0].message).toContain('规则管理 → 规则修订记录');
  await callEndpoint(admin, 'POST', '/after-sales/sweep');
  expect(await noticesOf(chief)).toHaveLength(1);
  expect(await noticesOf(gmOffice)).toEqual([]);
  await admin.request(deleteItem('guidance_texts', row.id));
});
