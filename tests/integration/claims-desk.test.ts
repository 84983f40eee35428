import { createItem, readFieldsByCollection, readItem, readItems, readNotifications, readPresets, updateItem } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser, failure, type Client, type StaffUser } from '../helpers/api';
import { claimReportPayload, createPolicyFixture, idNumber } from '../helpers/fixtures';
import { pause, until } from '../helpers/poll';

let admin: Client;
let clerk: StaffUser;
let ops: StaffUser;
let gm: StaffUser;

beforeAll(async () => {
  admin = await asAdmin();
  [clerk, ops, gm] = await Promise.all([createStaffUser('市场部'), createStaffUser('运营部'), createStaffUser('总经理室')]);
});

/** A clerk takes a phone report on a policy set up by the administrator. */
async function report(
  policyOverrides: Record<string, unknown>,
  reportOverrides: Record<string, unknown> = {},
  productOverrides: Record<string, unknown> = {},
) {
  const fixture = await createPolicyFixture(admin, policyOverrides);
  if (Object.keys(productOverrides).length) await admin.request(updateItem('products', fixture.product.id, productOverrides));
  const created = await clerk.client.request(createItem('claim_reports', claimReportPayload(fixture.policy.id, reportOverrides)));
  return { ...fixture, report: created };
}

describe('preliminary review on registration (C-ELIGIBLE)', () => {
  test.each([
    ['a covered accident inside the period', {}, {}, 'registered', []],
    ['a lapsed policy', { status: 'lapsed', terminated_at: '2026-10-01' }, {}, 'not_accepted', ['policy_lapsed']],
    ['an accident before the policy started', { start_date: '2026-12-01', end_date: '2027-11-30' }, {}, 'not_accepted', ['out_of_period']],
    ['a cause the product does not cover', {}, { incident_cause: 'illness' }, 'not_accepted', ['cause_not_covered']],
    [
      'a report after the filing time limit',
      { start_date: '2023-01-01', end_date: '2027-12-31' },
      { incident_at: '2024-06-01T02:00:00.000Z' },
      'not_accepted',
      ['time_barred'],
    ],
  ])('%s → %s %o', async (_label, policy, details, status, reasons) => {
    const { report: created, policy: p } = await report(policy, details);
    expect(created.status).toBe(status);
    expect(created.rejection_reasons).toEqual(reasons);
    expect(created.policy_no_given).toBe(p.policy_no);
    expect(created.report_no).toMatch(/^BA\d{8}$/);
  });

  test("the review is the server's: a clerk cannot set the status back, and a changed cause is reviewed again", async () => {
    const { report: created } = await report({}, { incident_cause: 'illness' });
    expect(created.status).toBe('not_accepted');
    const refused = await failure(clerk.client.request(updateItem('claim_reports', created.id, { status: 'registered' })));
    expect(refused.status).toBe(400);
    expect(refused.message).toContain('受理状态由系统按初步审核结果设定');
    const fixed = await clerk.client.request(updateItem('claim_reports', created.id, { incident_cause: 'traffic' }));
    expect(fixed).toMatchObject({ status: 'registered', rejection_reasons: [] });
    expect((await clerk.client.request(updateItem('claim_reports', created.id, { status: 'accepted' }))).status).toBe('accepted');
    expect((await clerk.client.request(updateItem('claim_reports', created.id, { status: 'closed' }))).status).toBe('closed');
  });
});

describe('lookup before registering (C-LOOKUP)', () => {
  test('an open report for the same policy and accident day is refused, naming the existing report', async () => {
    const { report: first, policy } = await report({});
    const refused = await failure(
      clerk.client.request(
        createItem(
          'claim_reports',
          claimReportPayload(policy.id, { incident_at: '2026-11-20T09:00:00.000Z', reporter_name: '另一位报案人' }),
        ),
      ),
    );
    expect(refused.status).toBe(400);
    expect(refused.message).toBe(
      `该保单 2026-11-20 的事故已有报案 ${first.report_no}（已登记），不能重复登记。请告知报案人我司已受理，并在原报案上跟进。`,
    );
    const other = await clerk.client.request(
      createItem('claim_reports', claimReportPayload(policy.id, { incident_at: '2026-11-21T09:00:00.000Z' })),
    );
    expect(other.status).toBe('registered');
  });

  test('namesakes without an ID number are refused with what to ask; the ID number pins the policy', async () => {
    const name = `同名${randomUUID().slice(0, 6)}`;
    const a = await createPolicyFixture(admin);
    const b = await createPolicyFixture(admin);
    const idA = idNumber();
    await admin.request(updateItem('customers', a.insured.id, { name, id_number: idA }));
    await admin.request(updateItem('customers', b.insured.id, { name }));
    const refused = await failure(clerk.client.request(createItem('claim_reports', claimReportPayload(null, { insured_name: name }))));
    expect(refused.status).toBe(400);
    expect(refused.message).toContain(`同名客户共 2 位（${name}），无法确认出险人身份`);
    const pinned = await clerk.client.request(
      createItem('claim_reports', claimReportPayload(null, { insured_name: name, insured_id_number: idA })),
    );
    expect(pinned).toMatchObject({ policy: a.policy.id, status: 'registered' });
  });

  test('nobody of ours: the report is kept as 未查到保单', async () => {
    const created = await clerk.client.request(
      createItem('claim_reports', claimReportPayload(null, { insured_name: `陌生人${randomUUID().slice(0, 6)}` })),
    );
    expect(created).toMatchObject({ status: 'no_policy', policy: null });
    expect(created.report_no).toMatch(/^BA/);
  });
});

describe('major cases (C-MAJOR)', () => {
  test('two deaths make a major case due at HQ 24 hours after the report, and the GM Office is told', async () => {
    const { report: created } = await report({}, { deaths: 2 });
    expect(created.is_major).toBe(true);
    expect(created.major_reasons).toEqual(['multi_death']);
    expect(Date.parse(created.hq_due_at) - Date.parse(created.reported_at)).toBe(24 * 3_600_000);
    const notices = await until(
      () => gm.client.request(readNotifications({ filter: { collection: { _eq: 'claim_reports' }, item: { _eq: String(created.id) } } })),
      (found) => found.length > 0,
    );
    expect(notices.map((n) => n.subject)).toEqual([`【重大案件】${created.report_no} ${created.insured_name}`]);
  });

  test('an ordinary report has no HQ deadline and tells nobody; turned major by an update it gets both, once', async () => {
    const { report: ordinary } = await report({});
    expect(ordinary).toMatchObject({ is_major: false, hq_due_at: null, hq_warn_at: null });
    const noticesOf = () =>
      gm.client.request(readNotifications({ filter: { collection: { _eq: 'claim_reports' }, item: { _eq: String(ordinary.id) } } }));
    const updated = await clerk.client.request(updateItem('claim_reports', ordinary.id, { deaths: 2 }));
    expect(updated.is_major).toBe(true);
    expect(Date.parse(updated.hq_due_at) - Date.parse(updated.reported_at)).toBe(24 * 3_600_000);
    const notices = await until(noticesOf, (found) => found.length > 0);
    expect(notices.map((n) => n.subject)).toEqual([`【重大案件】${updated.report_no} ${updated.insured_name}`]);
    // Still major after another change of a major-case input: no second notice.
    await clerk.client.request(updateItem('claim_reports', ordinary.id, { deaths: 3 }));
    await pause(1_000);
    expect(await noticesOf()).toHaveLength(1);
  });

  test('the HQ limit is the rule parameter 重大案件呈报总部时限: editing it moves open major cases and times new ones', async () => {
    const [found] = await admin.request(
      readItems('rule_parameters', { filter: { key: { _eq: 'hq_report_hours' } }, fields: ['id', 'value'] }),
    );
    const parameter = found!;
    const hoursOf = (item: any) => (Date.parse(item.hq_due_at) - Date.parse(item.reported_at)) / 3_600_000;
    const { report: open } = await report({}, { deaths: 2 });
    expect(hoursOf(open)).toBe(24);
    try {
      await admin.request(updateItem('rule_parameters', parameter.id, { value: 12 }));
      const moved = await until(
        () => clerk.client.request(readItem('claim_reports', open.id, { fields: ['reported_at', 'hq_due_at'] })),
        (item) => hoursOf(item) === 12,
      );
      expect(hoursOf(moved)).toBe(12);
      const { report: later } = await report({}, { deaths: 2 });
      expect(hoursOf(later)).toBe(12);
    } finally {
      await admin.request(updateItem('rule_parameters', parameter.id, { value: parameter.value }));
    }
  });

  test('报案或了解情况的24小时内: a learned-at time before the report starts the HQ clock; it may not be after the report', async () => {
    const learnedAt = new Date(Date.now() - 5 * 3_600_000).toISOString();
    const { report: created } = await report({}, { deaths: 2, learned_at: learnedAt });
    expect(Date.parse(created.hq_due_at)).toBe(Date.parse(learnedAt) + 24 * 3_600_000);
    expect(Date.parse(created.reported_at) - Date.parse(learnedAt)).toBeGreaterThanOrEqual(5 * 3_600_000 - 60_000);

    // Typed in later (补录) on a report taken without it: the due time moves back with it.
    const { report: plain } = await report({}, { deaths: 2 });
    const earlier = new Date(Date.parse(plain.reported_at) - 10 * 3_600_000).toISOString();
    const updated = await clerk.client.request(updateItem('claim_reports', plain.id, { learned_at: earlier }));
    expect(Date.parse(updated.hq_due_at)).toBe(Date.parse(earlier) + 24 * 3_600_000);

    const after = new Date(Date.parse(plain.reported_at) + 60_000).toISOString();
    const refused = await failure(clerk.client.request(updateItem('claim_reports', plain.id, { learned_at: after })));
    expect(refused.status).toBe(400);
    expect(refused.message).toContain('了解情况时间');
    expect(refused.message).toContain('不能晚于“报案时间”');
  });

  test('sum insured above 500,000 with the outcome open, and litigation', async () => {
    const { report: created } = await report({ sum_insured: 800000 }, { outcome_uncertain: true, litigation: true });
    expect(created.major_reasons).toEqual(['large_payout', 'litigation']);
  });
});

describe('claim applications (C-APPLY, C-DOCS, C-HANDOVER)', () => {
  test('the checklist comes from the table; an incomplete application is refused naming what is missing', async () => {
    const { report: created } = await report({});
    const application = await clerk.client.request(
      createItem('claim_applications', { claim_report: created.id, claim_type: 'medical', applicant_name: '李四' }),
    );
    const documents = await clerk.client.request(
      readItems('claim_documents', { filter: { application: { _eq: application.id } }, fields: ['id', 'doc_type', 'received'], limit: -1 }),
    );
    expect(documents.map((d: any) => d.doc_type)).toEqual([
      'policy_original',
      'premium_receipt',
      'insured_id',
      'beneficiary_id',
      'claim_form',
      'medical_records',
      'test_results',
      'outpatient_receipts',
      'inpatient_receipts',
      'pathology_report',
    ]);

    const unverified = await failure(clerk.client.request(updateItem('claim_applications', application.id, { status: 'complete' })));
    expect(unverified).toMatchObject({
      status: 400,
      message: '尚未核验：申请人身份证明、与被保险人关系证明、保险金请求权。请先核验，确认申请人具有保险金请求权后再受理。',
    });

    await clerk.client.request(
      updateItem('claim_applications', application.id, { identity_verified: true, relation_verified: true, right_verified: true }),
    );
    for (const doc of documents.filter((d: any) => !['claim_form', 'test_results'].includes(d.doc_type))) {
      await clerk.client.request(updateItem('claim_documents', doc.id, { received: true }));
    }
    const missing = await failure(clerk.client.request(updateItem('claim_applications', application.id, { status: 'complete' })));
    expect(missing.message).toBe('理赔材料不齐全，不能受理。还缺：理赔申请书、检（化）验资料。请告知客户补齐后再受理。');
    expect((await admin.request(readItem('claim_applications', application.id))).status).toBe('collecting');

    for (const doc of documents.filter((d: any) => ['claim_form', 'test_results'].includes(d.doc_type))) {
      await clerk.client.request(updateItem('claim_documents', doc.id, { received: true }));
    }
    const complete = await clerk.client.request(updateItem('claim_applications', application.id, { status: 'complete' }));
    expect(complete.status).toBe('complete');
    expect(Date.now() - Date.parse(complete.materials_complete_at)).toBeLessThan(60_000);
    expect(Date.parse(complete.handover_due_at)).toBeGreaterThan(Date.parse(complete.materials_complete_at) + 3 * 86_400_000 - 1);

    const handed = await ops.client.request(
      updateItem('claim_applications', application.id, { status: 'handed_over', insurer_receipt_no: 'QS-001' }),
    );
    expect(handed.status).toBe('handed_over');
    expect(Date.now() - Date.parse(handed.handed_over_at)).toBeLessThan(60_000);
    const late = await failure(
      ops.client.request(updateItem('claim_applications', application.id, { handed_over_at: '2026-01-01T00:00:00.000Z' })),
    );
    expect(late.status).toBe(403);
  });

  test('the handover due date skips the National Day holiday and counts the make-up Saturday', async () => {
    const { report: created } = await report({});
    // Wed 30 Sep 2026 → Thu 8, Fri 9, Sat 10 Oct (调休) → due 24:00 on 10 Oct Shanghai.
    const application = await admin.request(
      createItem('claim_applications', {
        claim_report: created.id,
        claim_type: 'medical',
        applicant_name: '李四',
        materials_complete_at: '2026-09-30T02:00:00.000Z',
      }),
    );
    expect(application.handover_due_at).toBe('2026-10-10T16:00:00.000Z');
  });
});

describe('missing documents in writing, the claim form wording (C-DOCS, C-APPLY)', () => {
  const docsOf = async (applicationId: number) =>
    (await clerk.client.request(
      readItems('claim_documents', {
        filter: { application: { _eq: applicationId } },
        fields: ['id', 'doc_type', 'received'],
        sort: ['id'],
        limit: -1,
      }),
    )) as any[];

  test('a change of claim type rebuilds the checklist and keeps what was received', async () => {
    const quality = await createStaffUser('质量管理部');
    const { report: created } = await report({});
    const application = await clerk.client.request(
      createItem('claim_applications', { claim_report: created.id, claim_type: 'medical', applicant_name: '李四' }),
    );
    const before = await docsOf(application.id);
    for (const doc of before.filter((d) => ['policy_original', 'medical_records'].includes(d.doc_type))) {
      await clerk.client.request(updateItem('claim_documents', doc.id, { received: true }));
    }
    // Refused (质量管理部 reads only): the checklist stays as it was.
    expect((await failure(quality.client.request(updateItem('claim_applications', application.id, { claim_type: 'death' })))).status).toBe(
      403,
    );
    expect((await docsOf(application.id)).map((d) => d.doc_type)).toEqual(before.map((d) => d.doc_type));
    await clerk.client.request(updateItem('claim_applications', application.id, { claim_type: 'death' }));
    // Rebuilt right after the change is committed.
    const after = await until(
      () => docsOf(application.id),
      (docs) => docs.some((d) => d.doc_type === 'death_proof'),
    );
    expect((await docsOf(application.id)).length).toBe(after.length);
    expect(after.map((d) => d.doc_type).sort()).toEqual(
      [
        'policy_original',
        'premium_receipt',
        'insured_id',
        'beneficiary_id',
        'claim_form',
        'medical_records',
        'death_proof',
        'accident_proof',
        'relationship_proof',
      ].sort(),
    );
    expect(
      after
        .filter((d) => d.received)
        .map((d) => d.doc_type)
        .sort(),
    ).toEqual(['medical_records', 'policy_original']);
    // The entry received before keeps its row (and its history).
    expect(after.find((d) => d.doc_type === 'policy_original').id).toBe(before.find((d) => d.doc_type === 'policy_original').id);
    const missing = await failure(
      clerk.client.request(
        updateItem('claim_applications', application.id, {
          identity_verified: true,
          relation_verified: true,
          right_verified: true,
          status: 'complete',
        }),
      ),
    );
    expect(missing.message).toBe(
      '理赔材料不齐全，不能受理。还缺：保费收据、被保险人身份证件、受益人身份证件、理赔申请书、死亡证明、与被保险人关系证明。请告知客户补齐后再受理。',
    );
  });

  test('材料补充通知书 lists for the customer what is still missing, with the notes of the checklist', async () => {
    const { report: created } = await report({});
    const application = await clerk.client.request(
      createItem('claim_applications', { claim_report: created.id, claim_type: 'death', applicant_name: '李四' }),
    );
    const docs = await docsOf(application.id);
    for (const doc of docs.filter((d) => !['claim_form', 'death_proof'].includes(d.doc_type))) {
      await clerk.client.request(updateItem('claim_documents', doc.id, { received: true }));
    }
    const body = { template: 'missing_documents_notice', collection: 'claim_applications', item: application.id };
    const issued = await callEndpoint(clerk.client, 'POST', '/after-sales/letters', body);
    expect(issued.status).toBe(200);
    const printed = await callEndpoint(clerk.client, 'GET', `/after-sales/letters/${issued.json.data.id}/print`);
    const text = printed.text.replace(/<[^>]+>/g, '').replace(/\s+/g, '');
    expect(text).toContain(`尊敬的${application.applicant_name}：`);
    expect(text).toContain(application.application_no);
    const list = text.slice(text.indexOf('以下材料：'), text.indexOf('本公司已收到'));
    expect(list).toContain('理赔申请书');
    expect(list).toContain('死亡证明（医院出具的死亡医学证明或公安机关出具的死亡证明）');
    expect(list).not.toContain('保险单正本');
    expect(text).toContain('本公司已收到：保险单正本、保费收据');

    for (const doc of docs) await clerk.client.request(updateItem('claim_documents', doc.id, { received: true }));
    const nothing = await callEndpoint(clerk.client, 'POST', '/after-sales/letters', body);
    expect(nothing.status).toBe(400);
    expect(nothing.json.errors[0].message).toContain('必须提供的理赔材料均已收到，无需出具材料补充通知书');
  });

  test('the claim application form carries the wording for guiding the customer through the 理赔申请书', async () => {
    const texts = (await clerk.client.request(
      readItems('guidance_texts', { filter: { collection: { _eq: 'claim_applications' } }, fields: ['key', 'step', 'title', 'content'] }),
    )) as any[];
    const guide = texts.find((t) => t.key === 'application_form_guide');
    expect(guide).toMatchObject({ step: 'intake', title: '指导填写理赔申请书' });
    expect(guide.content).toContain('《理赔申请书》');
    expect(texts.find((t) => t.key === 'application_documents_notice')).toMatchObject({ step: 'collecting' });
    const fields = (await clerk.client.request(readFieldsByCollection('claim_applications'))) as any[];
    expect(fields.find((f) => f.field === 'guidance')?.meta.interface).toBe('after-sales-guidance');
    expect(fields.find((f) => f.field === 'documents_notices')?.meta.options).toEqual({ template: 'missing_documents_notice' });
  });
});

describe('surrender and endorsement requests (S-SURRENDER, S-ENDORSE)', () => {
  test.each([
    [
      'surrender_requests',
      'documents_reminded',
      { reason: '家庭经济困难' },
      '尚未提醒客户携带保险单正本、保费收据、身份证件等资料至保险公司办理退保，不能办结',
    ],
    ['endorsement_requests', 'form_guided', { requested_changes: '变更联系地址' }, '尚未指导客户填写批改申请单，不能办结'],
  ])('%s is done only once %s is ticked; the wording is on the form', async (collection, duty, details, refusal) => {
    const { policy } = await createPolicyFixture(admin);
    const request = await clerk.client.request(createItem(collection, { channel: 'visit', policy: policy.id, ...details }));
    expect(request[duty]).toBeFalsy();
    expect(request.request_no).toMatch(/^(TB|PG)\d{8}$/);
    const refused = await failure(clerk.client.request(updateItem(collection, request.id, { status: 'completed' })));
    expect(refused.status).toBe(400);
    expect(refused.message).toContain(refusal);
    const atOnce = await failure(
      clerk.client.request(createItem(collection, { channel: 'phone', policy: policy.id, ...details, status: 'completed' })),
    );
    expect(atOnce.message).toContain(refusal);

    await clerk.client.request(updateItem(collection, request.id, { [duty]: true }));
    const done = await clerk.client.request(updateItem(collection, request.id, { status: 'completed' }));
    expect(done).toMatchObject({ status: 'completed', [duty]: true });
    const untick = await failure(clerk.client.request(updateItem(collection, request.id, { [duty]: false })));
    expect(untick.status).toBe(400);

    const texts = (await clerk.client.request(
      readItems('guidance_texts', { filter: { collection: { _eq: collection } }, fields: ['title'] }),
    )) as any[];
    expect(texts.map((t) => t.title)).toContain(collection === 'surrender_requests' ? '退保提醒' : '批改指导');
  });
});

describe('bookmarks (书签) per department', () => {
  test('each department opens on its own lists, and a bookmark finds its cases', async () => {
    const names = async (user: StaffUser) =>
      (await user.client.request(
        readPresets({ filter: { bookmark: { _nnull: true } }, fields: ['bookmark', 'collection', 'filter'] }),
      )) as any[];
    const market = await names(clerk);
    const distinct = (presets: any[]) => [...new Set(presets.map((p) => p.bookmark))].sort();
    // 我的待办 / 即将超时 / 已逾期 come from the work queue (it/workbench.test.ts).
    expect(distinct(market)).toEqual(['今日报案', '待移交', '待补材料', '重大案件', '我的待办', '即将超时', '已逾期'].sort());
    expect(distinct(await names(ops))).toEqual(['今日报案', '待移交', '待补材料', '我的待办', '即将超时', '已逾期'].sort());

    const { report: major } = await report({}, { deaths: 3 });
    const majorCases = market.find((p) => p.bookmark === '重大案件');
    const found = await clerk.client.request(readItems('claim_reports', { filter: majorCases.filter, fields: ['id'], limit: -1 }));
    expect(found.map((r: any) => r.id)).toContain(major.id);
    const today = market.find((p) => p.bookmark === '今日报案');
    const todays = await clerk.client.request(readItems('claim_reports', { filter: today.filter, fields: ['id'], limit: -1 }));
    expect(todays.map((r: any) => r.id)).toContain(major.id);
  });
});
