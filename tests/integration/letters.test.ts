import { createItem, deleteItem, readItem, readItems, readSingleton, updateItem } from '@directus/sdk';
import { beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser, failure, moveComplaint, previewLetter, type Client, type StaffUser } from '../helpers/api';
import { claimReportPayload, complaintPayload, createPolicyFixture } from '../helpers/fixtures';

let admin: Client;
let clerk: StaffUser;
let tech: StaffUser;

beforeAll(async () => {
  admin = await asAdmin();
  [clerk, tech] = await Promise.all([createStaffUser('市场部'), createStaffUser('技术部')]);
});

const call = (client: Client, method: string, route: string, body?: unknown) => callEndpoint(client, method, route, body);

async function rejectedReport(overrides: Record<string, unknown> = {}) {
  const { policy } = await createPolicyFixture(admin, { status: 'lapsed', terminated_at: '2026-10-01' });
  const report = await clerk.client.request(
    createItem('claim_reports', claimReportPayload(policy.id, { originals_returned: true, copies_archived: true, ...overrides })),
  );
  return Object.assign(report, { policy_no: policy.policy_no as string });
}

describe('rejection notice (C-REJECT, X-LETTER)', () => {
  test('preview is not stored; issue stores the letter; print returns it exactly as issued', async () => {
    const report = await rejectedReport();
    expect(report.status).toBe('not_accepted');

    const preview = await previewLetter(clerk.client, 'rejection_notice', 'claim_reports', report.id);
    expect(preview.status).toBe(200);
    expect(preview.type).toContain('text/html');
    for (const text of ['不予受理通知书', report.report_no, '保单已失效或终止', '（预览）']) expect(preview.text).toContain(text);
    // The policy it names and the company, from the data around the case.
    const company = await admin.request(readSingleton('company_profile'));
    for (const text of [`保险单号：${report.policy_no}`, '失效/终止日期：2026年10月1日', company.name, `电话：${company.phone}`])
      expect(preview.text).toContain(text);
    expect(await admin.request(readItems('letters', { filter: { item: { _eq: String(report.id) } } }))).toEqual([]);

    const issued = await call(clerk.client, 'POST', '/after-sales/letters', {
      template: 'rejection_notice',
      collection: 'claim_reports',
      item: report.id,
    });
    expect(issued.status).toBe(200);
    expect(issued.json.data.letter_no).toMatch(/^WS\d{8}$/);
    const stored = await admin.request(readItem('letters', issued.json.data.id));
    expect(stored).toMatchObject({
      template: 'rejection_notice',
      collection: 'claim_reports',
      item: String(report.id),
      issued_by: clerk.id,
      letter_no: issued.json.data.letter_no,
    });
    expect(stored.template_version).toMatch(/^[0-9a-f]{16}$/);
    expect(stored.html).toContain(issued.json.data.letter_no);

    const printed = await call(clerk.client, 'GET', `/after-sales/letters/${issued.json.data.id}/print`);
    expect(printed.status).toBe(200);
    expect(printed.text).toBe(stored.html);
  });

  test('a cause the product does not cover: the letter names the product and what it covers', async () => {
    const { policy } = await createPolicyFixture(admin);
    const report = await clerk.client.request(createItem('claim_reports', claimReportPayload(policy.id, { incident_cause: 'illness' })));
    expect(report.rejection_reasons).toEqual(['cause_not_covered']);
    const preview = await previewLetter(clerk.client, 'rejection_notice', 'claim_reports', report.id);
    expect(preview.status).toBe(200);
    expect(preview.text).toMatch(/《意外伤害保险》保障的出险原因：[^；。]+、[^；。]+。/);
    expect(preview.text).toContain(`保险单号：${policy.policy_no}`);
  });

  test('an issued letter is immutable for everyone; only the return of originals is recorded', async () => {
    const report = await rejectedReport();
    const issued = await call(clerk.client, 'POST', '/after-sales/letters', {
      template: 'rejection_notice',
      collection: 'claim_reports',
      item: report.id,
    });
    const id = issued.json.data.id;
    for (const client of [clerk.client, admin]) {
      const refused = await failure(client.request(updateItem('letters', id, { html: '<p>改过的通知</p>' })));
      expect(refused).toMatchObject({ status: 403, message: '已出具的文书按原样存档，不能修改或删除；只能登记“原件已返还客户”。' });
    }
    expect((await failure(admin.request(deleteItem('letters', id)))).status).toBe(403);
    const returned = await clerk.client.request(updateItem('letters', id, { originals_returned: true }));
    expect(returned.originals_returned).toBe(true);
    expect(Date.now() - Date.parse(returned.originals_returned_at)).toBeLessThan(60_000);
    const printed = await call(clerk.client, 'GET', `/after-sales/letters/${id}/print`);
    expect(printed.text).toBe((await admin.request(readItem('letters', id))).html);
  });

  test('a second letter of the same template for the case needs a reason, stored with it; a refusal consumes no number', async () => {
    const report = await rejectedReport();
    const body = { template: 'rejection_notice', collection: 'claim_reports', item: report.id };
    const first = await call(clerk.client, 'POST', '/after-sales/letters', body);
    expect(first.status).toBe(200);
    expect((await admin.request(readItem('letters', first.json.data.id))).reissue_reason).toBeNull();

    for (const reason of [undefined, '   ']) {
      const refused = await call(clerk.client, 'POST', '/after-sales/letters', { ...body, ...(reason === undefined ? {} : { reason }) });
      expect(refused.status).toBe(400);
      expect(refused.json.errors[0].message).toBe(
        `本案已出具过不予受理通知书（文书编号 ${first.json.data.letter_no}），再次出具须说明重新出具原因（如原件遗失、内容更正），原因随文书保存。`,
      );
    }
    const tooLong = await call(clerk.client, 'POST', '/after-sales/letters', { ...body, reason: '遗'.repeat(501) });
    expect(tooLong.json.errors[0].message).toBe('重新出具原因不能超过 500 个字。');
    expect(await admin.request(readItems('letters', { filter: { item: { _eq: String(report.id) } } }))).toHaveLength(1);

    const again = await call(clerk.client, 'POST', '/after-sales/letters', { ...body, reason: '  客户称原件遗失，<重新>寄送 & 存档  ' });
    expect(again.status).toBe(200);
    expect(Number(again.json.data.letter_no.slice(-4))).toBe(Number(first.json.data.letter_no.slice(-4)) + 1);
    const stored = await admin.request(readItem('letters', again.json.data.id));
    expect(stored.reissue_reason).toBe('客户称原件遗失，<重新>寄送 & 存档');
    const changed = await failure(clerk.client.request(updateItem('letters', again.json.data.id, { reissue_reason: '改' })));
    expect(changed.status).toBe(403);
  });

  test('a user who cannot read the case gets no letter (403)', async () => {
    const report = await rejectedReport();
    const body = { template: 'rejection_notice', collection: 'claim_reports', item: report.id };
    const preview = await previewLetter(tech.client, 'rejection_notice', 'claim_reports', report.id);
    expect(preview.status).toBe(403);
    expect(preview.json.errors[0].message).toBe('您没有查看该案件的权限，不能生成或打印其文书。');
    expect((await call(tech.client, 'POST', '/after-sales/letters', body)).status).toBe(403);
    const issued = await call(clerk.client, 'POST', '/after-sales/letters', body);
    expect((await call(tech.client, 'GET', `/after-sales/letters/${issued.json.data.id}/print`)).status).toBe(403);
  });

  test('every field value is escaped', async () => {
    // Markup and template tags never get into a case (tests/integration/bad-input.test.ts); what
    // plain text may hold is still escaped, so a letter prints exactly what was typed.
    const report = await rejectedReport({
      insured_name: '张三 & 李四',
      incident_description: '车速 <30 公里，对方说"没看见"，&nbsp; 不是空格',
    });
    const preview = await previewLetter(clerk.client, 'rejection_notice', 'claim_reports', report.id);
    expect(preview.text).toContain('张三 &amp; 李四');
    expect(preview.text).toContain('车速 &lt;30 公里，对方说&quot;没看见&quot;，&amp;nbsp; 不是空格');
    expect(preview.text).not.toContain('<30');
  });

  test('requests the rules do not allow are refused in Chinese', async () => {
    const { policy } = await createPolicyFixture(admin);
    const accepted = await clerk.client.request(createItem('claim_reports', claimReportPayload(policy.id)));
    const notRejected = await call(clerk.client, 'POST', '/after-sales/letters', {
      template: 'rejection_notice',
      collection: 'claim_reports',
      item: accepted.id,
    });
    expect(notRejected.status).toBe(400);
    expect(notRejected.json.errors[0].message).toBe('只有“不予受理”的报案才能出具不予受理通知书。');
    const missing = await call(clerk.client, 'POST', '/after-sales/letters', { template: 'rejection_notice' });
    expect(missing.json.errors[0].message).toBe('缺少参数：collection、item（需要 template、collection、item）。');
    const wrongType = await call(clerk.client, 'POST', '/after-sales/letters', {
      template: 'rejection_notice',
      collection: 'complaints',
      item: 1,
    });
    expect(wrongType.status).toBe(400);
    const complaint = await clerk.client.request(createItem('complaints', complaintPayload()));
    const unapproved = await call(clerk.client, 'POST', '/after-sales/letters', {
      template: 'complaint_reply',
      collection: 'complaints',
      item: complaint.id,
    });
    expect(unapproved.json.errors[0].message).toBe('处理方案经核决后才能答复客户（第十三条第10款）。');
  });
});

test('the customer reply to an approved complaint is a letter, not the internal form (K-NOCOPY)', async () => {
  const deputy = await createStaffUser('总经理室', ['副总经理']);
  const complaint = await admin.request(
    createItem(
      'complaints',
      complaintPayload({ stage: 'plan_review', gm_opinion: '同意退还多收保费', offer_amount: 8000, responsibility: '运营部' }),
    ),
  );
  await moveComplaint(deputy.client, complaint.id, 'negotiating');
  const reply = await previewLetter(clerk.client, 'complaint_reply', 'complaints', complaint.id);
  expect(reply.status).toBe(200);
  expect(reply.text).toContain('人民币捌仟元整');
  expect(reply.text).toContain('同意退还多收保费');
  expect(reply.text).not.toContain('内部文件');
  expect(reply.text).not.toContain('运营部');
});

test('urge notices print as internal forms', async () => {
  const notice = await admin.request(
    createItem('urge_notices', {
      collection: 'complaints',
      item: '1',
      case_no: '261101',
      department: 'operations',
      issued_at: new Date().toISOString(),
      due_at: new Date().toISOString(),
      reason: '运营部调查已逾期',
    }),
  );
  const printed = await previewLetter(admin, 'urge_notice', 'urge_notices', notice.id);
  expect(printed.status).toBe(200);
  expect(printed.text).toContain('内部文件');
  expect(printed.text).toContain(notice.notice_no);
});
