import { createItem, readItem, readMe, updateItem } from '@directus/sdk';
import { beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, createStaffUser, failure, type Client, type StaffUser } from '../helpers/api';
import { closedInMonthPayload, complaintHistory } from '../helpers/fixtures';
import { until } from '../helpers/poll';

let admin: Client;
let ops: StaffUser;
let gm: StaffUser;
let clerk: StaffUser;
let gmId: string;

beforeAll(async () => {
  admin = await asAdmin();
  [ops, gm, clerk] = await Promise.all([createStaffUser('运营部'), createStaffUser('总经理室'), createStaffUser('市场部')]);
  gmId = (await gm.client.request(readMe({ fields: ['id'] }))).id;
});

const closedComplaint = () =>
  admin.request(
    createItem('complaints', closedInMonthPayload('2026-10', '10', { responsible_department: 'operations', customer_accepted: true })),
  );
const file = (complaint: number, fields: Record<string, unknown>) =>
  ops.client.request(
    createItem('petitions', { complaint, department: 'operations', content: '对责任判定有异议：延误系市场部未及时转交材料', ...fields }),
  );
/** The decision is carried out right after it is committed: the petition once its effect is written. */
const carriedOut = (id: number) =>
  until(
    () => admin.request(readItem('petitions', id)) as Promise<any>,
    (petition) => Boolean(petition.effect),
  );

describe('签呈 (K-PETITION)', () => {
  test('filed with a deadline; adopted, it moves the responsibility on the complaint and says so in its history', async () => {
    const complaint = await closedComplaint();
    const petition = await file(complaint.id, { requested_effect: 'change_responsibility', proposed_department: 'market' });
    expect(petition.petition_no).toMatch(/^QC\d{7}$/);
    expect(petition.status).toBe('submitted');
    expect(Date.now() - Date.parse(petition.submitted_at)).toBeLessThan(60_000);
    // 3 working days from the submission (rule 总经理室批示签呈): at least 3 days on, at 24:00 Shanghai.
    expect(Date.parse(petition.due_at) - Date.parse(petition.submitted_at)).toBeGreaterThan(3 * 86_400_000 - 24 * 3_600_000);
    expect(new Date(petition.due_at).getUTCHours()).toBe(16);

    expect((await failure(ops.client.request(updateItem('petitions', petition.id, { status: 'accepted' })))).status).toBe(403);
    expect(await admin.request(readItem('petitions', petition.id))).toMatchObject({ status: 'submitted', decided_at: null, effect: null });
    expect(
      (await failure(gm.client.request(updateItem('petitions', petition.id, { decided_at: new Date().toISOString() })))).message,
    ).toContain('批示时间');

    const answer = await gm.client.request(updateItem('petitions', petition.id, { status: 'accepted', decision: '同意，责任改判市场部' }));
    expect(answer).toMatchObject({ status: 'accepted', decided_by: gmId });
    const decided = await carriedOut(petition.id);
    expect(decided).toMatchObject({
      status: 'accepted',
      decided_by: gmId,
      effect: `投诉 ${complaint.complaint_no ?? `#${complaint.id}`} 的责任部门由运营部改为市场部。`,
    });
    expect(Date.now() - Date.parse(decided.decided_at)).toBeLessThan(60_000);
    expect((await admin.request(readItem('complaints', complaint.id))).responsible_department).toBe('market');
    const history = await complaintHistory(gm.client, complaint.id);
    expect(history.at(-1)).toMatchObject({ actor: gmId });
    expect(history.at(-1).opinion).toContain(`签呈 ${petition.petition_no}（运营部）已采纳：`);

    const again = await failure(gm.client.request(updateItem('petitions', petition.id, { status: 'rejected', decision: '改判' })));
    expect(again).toMatchObject({ status: 400, message: '签呈已批示，批示和签呈内容不能再修改；如仍有异议，请另呈签呈。' });
  });

  test('adopted to handle again: a new linked complaint is opened for 市场部', async () => {
    const complaint = await closedComplaint();
    const petition = await file(complaint.id, { requested_effect: 'reopen' });
    await gm.client.request(updateItem('petitions', petition.id, { status: 'accepted' }));
    const decided = await carriedOut(petition.id);
    expect(decided.reopened_complaint).toEqual(expect.any(Number));
    const reopened = await clerk.client.request(readItem('complaints', decided.reopened_complaint));
    expect(reopened).toMatchObject({
      stage: 'draft',
      parent_complaint: complaint.id,
      customer_name: complaint.customer_name,
      demand: complaint.demand,
    });
    expect(reopened.reason).toContain(`签呈 ${petition.petition_no} 经总经理室采纳`);
    expect(decided.effect).toContain('已另立投诉（草稿）重新处理');
  });

  test('rejected only with reasons, which the petitioner reads; nothing changes on the complaint', async () => {
    const complaint = await closedComplaint();
    const petition = await file(complaint.id, { requested_effect: 'change_responsibility', proposed_department: 'market' });
    const bare = await failure(gm.client.request(updateItem('petitions', petition.id, { status: 'rejected' })));
    expect(bare).toMatchObject({ status: 400, message: '未采纳的签呈须在“批示”中写明理由。' });
    expect((await admin.request(readItem('petitions', petition.id))).status).toBe('submitted');

    await gm.client.request(updateItem('petitions', petition.id, { status: 'rejected', decision: '经查材料于当日转交，维持原判定。' }));
    await carriedOut(petition.id);
    const seen = await ops.client.request(readItem('petitions', petition.id));
    expect(seen).toMatchObject({ status: 'rejected', effect: '未采纳：经查材料于当日转交，维持原判定。' });
    expect((await admin.request(readItem('complaints', complaint.id))).responsible_department).toBe('operations');
    expect((await complaintHistory(gm.client, complaint.id)).at(-1).opinion).toContain('未采纳：经查材料于当日转交');
  });

  test('a petition is filed as submitted, not decided by its own department', async () => {
    const complaint = await closedComplaint();
    const refused = await failure(file(complaint.id, { status: 'accepted' }));
    expect(refused).toMatchObject({ status: 400, message: '新签呈以“已呈报”提交，由总经理室批示。' });
  });
});
