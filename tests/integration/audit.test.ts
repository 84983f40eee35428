import { createItem, readItems, readRevisions, updateItem } from '@directus/sdk';
import { expect, test } from 'vitest';
import { asAdmin, createStaffUser, failure, moveComplaint } from '../helpers/api';
import { claimReportPayload, complaintPayload } from '../helpers/fixtures';

test("a clerk's edit is kept in the item's history with the clerk as user and the old value", async () => {
  const admin = await asAdmin();
  const clerk = await createStaffUser('市场部');
  const complaint = await admin.request(createItem('complaints', complaintPayload({ demand: '要求道歉' })));
  await clerk.client.request(updateItem('complaints', complaint.id, { demand: '要求道歉并赔偿交通费' }));

  const revisions = await admin.request(
    readRevisions({
      filter: { collection: { _eq: 'complaints' }, item: { _eq: String(complaint.id) } },
      sort: ['id'],
      fields: ['id', 'data', 'delta', 'activity.user', 'activity.action', 'activity.timestamp'] as any,
    }),
  );
  expect(revisions).toHaveLength(2);
  const [created, edited] = revisions as any[];
  expect(created.data.demand).toBe('要求道歉');
  expect(edited.delta).toMatchObject({ demand: '要求道歉并赔偿交通费' });
  expect(edited.activity).toMatchObject({ user: clerk.id, action: 'update' });
  expect(Date.parse(edited.activity.timestamp)).toBeGreaterThan(Date.now() - 60_000);

  // The clerk sees the same history in the form's 修订 panel.
  const visible = await clerk.client.request(
    readRevisions({ filter: { collection: { _eq: 'complaints' }, item: { _eq: String(complaint.id) } }, fields: ['id'] }),
  );
  expect(visible).toHaveLength(2);
});

test("a move is in the complaint's history like an edit: who made it, the change, and the complaint after it", async () => {
  const admin = await asAdmin();
  const gm = await createStaffUser('总经理室');
  const complaint = await admin.request(createItem('complaints', complaintPayload({ stage: 'submitted', demand: '要求书面道歉' })));
  const registered = await moveComplaint(gm.client, complaint.id, 'registered');

  const revisions = (await admin.request(
    readRevisions({
      filter: { collection: { _eq: 'complaints' }, item: { _eq: String(complaint.id) } },
      sort: ['id'],
      fields: ['data', 'delta', 'activity.user', 'activity.action', 'activity.timestamp'] as any,
    }),
  )) as any[];
  const move = revisions[revisions.length - 1];
  expect(move.activity).toMatchObject({ user: gm.id, action: 'update' });
  expect(Date.parse(move.activity.timestamp)).toBeGreaterThan(Date.now() - 60_000);
  expect(move.delta).toMatchObject({ stage: 'registered', complaint_no: registered.complaint_no, holding_department: 'gm_office' });
  expect(move.data).toMatchObject({ stage: 'registered', complaint_no: registered.complaint_no, demand: '要求书面道歉' });
  expect(Date.parse(move.data.registered_at)).toBe(Date.parse(registered.registered_at));
  const [stored] = (await admin.request(
    readItems('complaints', { filter: { id: { _eq: complaint.id } }, fields: ['user_updated', 'complaint_no'] }),
  )) as any[];
  expect(stored).toEqual({ user_updated: gm.id, complaint_no: registered.complaint_no });
});

test('a change to a rule table is recorded with who changed it and the old value (K-RULES)', async () => {
  const admin = await asAdmin();
  const [level] = (await admin.request(readItems('approval_authorities', { filter: { level: { _eq: '副总经理' } } }))) as any[];
  await admin.request(updateItem('approval_authorities', level.id, { max_amount: 60000 }));
  await admin.request(updateItem('approval_authorities', level.id, { max_amount: level.max_amount }));
  const revisions = await admin.request(
    readRevisions({
      filter: { collection: { _eq: 'approval_authorities' }, item: { _eq: String(level.id) } },
      sort: ['-id'],
      limit: 2,
      fields: ['delta', 'activity.user'] as any,
    }),
  );
  expect(revisions.map((r: any) => Number(r.delta.max_amount))).toEqual([Number(level.max_amount), 60000]);
  expect((revisions[0] as any).activity.user).toBeTruthy();
});

test('a forged server-set field is refused with HTTP 400 in Chinese naming the field, and nothing is written', async () => {
  const clerk = await createStaffUser('市场部');
  const refused = await failure(
    clerk.client.request(createItem('claim_reports', claimReportPayload(null, { report_no: 'BA26119999', insured_name: '伪造编号测试' }))),
  );
  expect(refused).toMatchObject({ status: 400, code: 'AFTER_SALES_SERVER_SET_FIELD', message: '“报案号”由系统自动生成，不能填写或修改。' });
  const admin = await asAdmin();
  expect(await admin.request(readItems('claim_reports', { filter: { insured_name: { _eq: '伪造编号测试' } } }))).toEqual([]);
});
