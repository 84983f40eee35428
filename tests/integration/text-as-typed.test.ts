import { createItem, readItem, readNotifications, updateItem } from '@directus/sdk';
import { beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser, failure, previewLetter, type Client, type StaffUser } from '../helpers/api';
import { claimReportPayload, complaintPayload, createPolicyFixture } from '../helpers/fixtures';
import { until } from '../helpers/poll';

// CONTRACT "Roles": free text is stored as typed (quotes, `<`, `&`, words such as select/from) and
// escaped wherever it is shown or printed; only control characters and over-long text are refused.

const TYPED = {
  name: '<小明>',
  quotes: `他说"别走"，O'Brien 说'好'`,
  amp: '张三 & 李四',
  sqlWords: '请 select 一个方案 from 列表',
  comment: '见附件/*1*/',
  braces: '{{x}}',
  script: '<script>alert(1)</script>',
};

let admin: Client;
let clerk: StaffUser;
let gm: StaffUser;

beforeAll(async () => {
  admin = await asAdmin();
  [clerk, gm] = await Promise.all([createStaffUser('市场部'), createStaffUser('总经理室')]);
});

describe('text is stored as typed', () => {
  test('a claim report keeps quotes, <, &, SQL words, comments and braces exactly', async () => {
    const values = {
      insured_name: TYPED.name,
      reporter_name: TYPED.quotes,
      reporter_relation: TYPED.braces,
      incident_place: `${TYPED.amp} ${TYPED.comment}`,
      incident_description: Object.values(TYPED).join('\n'),
    };
    const created = await clerk.client.request(createItem('claim_reports', claimReportPayload(null, values)));
    expect(await clerk.client.request(readItem('claim_reports', created.id, { fields: Object.keys(values) }))).toEqual(values);

    const edited = await clerk.client.request(updateItem('claim_reports', created.id, { incident_place: TYPED.sqlWords }));
    expect(edited.incident_place).toBe(TYPED.sqlWords);
  });

  test('a complaint keeps them too, on create and on update', async () => {
    const values = {
      customer_name: TYPED.name,
      demand: TYPED.sqlWords,
      reason: `${TYPED.comment} ${TYPED.braces}`,
      market_opinion: `${TYPED.quotes} ${TYPED.amp}`,
    };
    const created = await clerk.client.request(createItem('complaints', complaintPayload(values)));
    expect(await clerk.client.request(readItem('complaints', created.id, { fields: Object.keys(values) }))).toEqual(values);

    const opinion = `${TYPED.script} {{#each @root}}{{this}}{{/each}} ' OR '1'='1`;
    await clerk.client.request(updateItem('complaints', created.id, { market_opinion: opinion }));
    expect((await clerk.client.request(readItem('complaints', created.id, { fields: ['market_opinion'] }))).market_opinion).toBe(opinion);
  });

  test('control characters are refused with a Chinese message naming the field by its label', async () => {
    const report = await failure(
      clerk.client.request(createItem('claim_reports', claimReportPayload(null, { incident_place: '漕溪北路\u0000' }))),
    );
    expect(report).toMatchObject({ status: 400, code: 'AFTER_SALES_INVALID_INPUT', message: '“出险地点”不能包含控制字符。' });

    const complaint = await clerk.client.request(createItem('complaints', complaintPayload()));
    const update = await failure(clerk.client.request(updateItem('complaints', complaint.id, { demand: '要求\u0007道歉' })));
    expect(update).toMatchObject({ status: 400, code: 'AFTER_SALES_INVALID_INPUT', message: '“客户要求”不能包含控制字符。' });
    expect((await clerk.client.request(readItem('complaints', complaint.id, { fields: ['demand'] }))).demand).toBe(
      complaintPayload().demand,
    );
  });
});

describe('text is escaped where it is printed or shown', () => {
  test('a rejection notice prints typed text escaped, never as markup', async () => {
    const { policy } = await createPolicyFixture(admin, { status: 'lapsed', terminated_at: '2026-10-01' });
    const report = await clerk.client.request(
      createItem(
        'claim_reports',
        claimReportPayload(policy.id, {
          insured_name: TYPED.name,
          incident_place: TYPED.amp,
          incident_description: `${TYPED.quotes}；${TYPED.sqlWords}；${TYPED.comment}；${TYPED.braces}；${TYPED.script}`,
          originals_returned: true,
          copies_archived: true,
        }),
      ),
    );
    expect(report.status).toBe('not_accepted');

    const preview = await previewLetter(clerk.client, 'rejection_notice', 'claim_reports', report.id);
    expect(preview.status).toBe(200);
    const issued = await callEndpoint(clerk.client, 'POST', '/after-sales/letters', {
      template: 'rejection_notice',
      collection: 'claim_reports',
      item: report.id,
    });
    const printed = await callEndpoint(clerk.client, 'GET', `/after-sales/letters/${issued.json.data.id}/print`);
    expect(printed.status).toBe(200);

    for (const html of [preview.text, printed.text]) {
      expect(html).toContain('尊敬的 &lt;小明&gt;：');
      expect(html).toContain('张三 &amp; 李四');
      expect(html).toContain('他说&quot;别走&quot;，O&#x27;Brien 说&#x27;好&#x27;');
      expect(html).toContain('请 select 一个方案 from 列表；见附件/*1*/；{{x}}；&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<小明>');
      expect(html).not.toContain('<script>');
    }
  });

  test("a company name typed into a complaint reaches the GM Office's notification markdown-escaped", async () => {
    const company = '<img src=x onerror=alert(1)> [点此](http://example.com) & 公估';
    const c = await clerk.client.request(
      createItem('complaints', complaintPayload({ involves_other_company: true, other_company_name: company })),
    );
    await clerk.client.request(updateItem('complaints', c.id, { market_opinion: '需会同公估公司处理' }));
    const notices = await until(
      () =>
        gm.client.request(
          readNotifications({ filter: { collection: { _eq: 'complaints' }, item: { _eq: String(c.id) } }, fields: ['message'] }),
        ),
      (found) => found.length > 0,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toContain('\\<img src\\=x onerror\\=alert\\(1\\)\\> \\[点此\\]\\(http\\:\\/\\/example\\.com\\) \\& 公估');
    expect((await clerk.client.request(readItem('complaints', c.id, { fields: ['other_company_name'] }))).other_company_name).toBe(company);
  });
});
