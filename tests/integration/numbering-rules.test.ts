import {
  createFlow,
  createItem,
  createItems,
  createOperation,
  deleteFlow,
  deleteItem,
  readField,
  readItems,
  readRevisions,
  triggerFlow,
  updateFlow,
  updateItem,
  updateItems,
} from '@directus/sdk';
import { beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, baseUrl, failure, type Client } from '../helpers/api';
import { createPolicyFixture } from '../helpers/fixtures';

// 编号规则 may number only the field the server numbers (scripts/model/numbered-fields.mjs): a rule on
// 统计月份 would overwrite the month of every statistics table with a number. Refused on every path.
let admin: Client;
const RULE_FIELDS = ['id', 'collection', 'field', 'name', 'prefix', 'period_format', 'min_digits'];
const rules = async () => (await admin.request(readItems('numbering_rules', { fields: RULE_FIELDS, sort: ['id'], limit: -1 }))) as any[];
const onStatsMonth = { collection: 'complaint_monthly_stats', field: 'period', name: '统计编号', period_format: 'YYMM', min_digits: 2 };

async function importJson(collection: string, rows: unknown[]) {
  const token: string = await (admin as any).getToken();
  const form = new FormData();
  form.append('file', new Blob([JSON.stringify(rows)], { type: 'application/json' }), `${collection}.json`);
  const response = await fetch(`${baseUrl()}/utils/import/${collection}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = response.ok ? {} : await response.json().catch(() => ({}));
  return { status: response.status, message: (body as any).errors?.[0]?.message as string | undefined };
}

beforeAll(async () => {
  admin = await asAdmin();
});

describe('编号规则 only on numbered fields', () => {
  test('the form offers the numbered collections and, once one is chosen, its own numbered field, in Chinese', async () => {
    const collection = await admin.request(readField('numbering_rules', 'collection'));
    const field = await admin.request(readField('numbering_rules', 'field'));
    expect(collection.meta?.options?.['choices'].map((c: any) => c.value)).not.toContain('complaint_monthly_stats');
    expect(field.meta?.interface).toBe('select-dropdown');
    expect(field.meta?.options?.['choices']).toContainEqual({ value: 'request_no', text: '申请编号（退保申请、批改申请）' });
    const narrowed = field.meta?.conditions?.find((condition: any) => condition.rule._and[0].collection._eq === 'claim_reports');
    expect(narrowed?.options?.['choices']).toEqual([{ value: 'report_no', text: '报案号（报案登记）' }]);
  });

  test('a rule on 统计月份 is refused in Chinese, by create and import, and nothing is written', async () => {
    const before = await rules();
    const single = await failure(admin.request(createItem('numbering_rules', onStatsMonth)));
    expect(single.status).toBe(400);
    expect(single.message).toBe(
      '“单据”不符合编号规则：客户投诉案件统计表不由系统编号，编号规则只能用于报案登记的报案号、理赔申请的申请编号、' +
        '退保申请的申请编号、批改申请的申请编号、客户抱怨处理表的投诉编号、催办单的催办单号、洽办单的洽办单号、签呈的签呈编号、文书的文书编号。',
    );
    // A numbered collection with another of its fields: the message names 编号字段 and the field it must be.
    const wrongField = await failure(
      admin.request(createItem('numbering_rules', { ...onStatsMonth, collection: 'letters', field: 'html' })),
    );
    expect(wrongField.status).toBe(400);
    expect(wrongField.message).toMatch(/^“编号字段”不符合编号规则：文书的编号只能写入“文书编号”（letter_no），不能写入“html”/);

    const imported = await importJson('numbering_rules', [onStatsMonth]);
    expect(imported.status).toBeGreaterThanOrEqual(400);
    expect(imported.status).toBeLessThan(500);
    expect(imported.message).toContain('不符合编号规则');

    expect(await rules()).toEqual(before);
  });

  test('a stored rule cannot be moved onto another field, alone or in a batch', async () => {
    const before = await rules();
    const complaints = before.find((rule) => rule.collection === 'complaints');
    const letters = before.find((rule) => rule.collection === 'letters');
    const moved = await failure(admin.request(updateItem('numbering_rules', complaints.id, { field: 'period' })));
    expect(moved.status).toBe(400);
    expect(moved.message).toMatch(/^“编号字段”不符合编号规则：客户抱怨处理表的编号只能写入“投诉编号”（complaint_no）/);
    // The field of another numbered collection is no better: 报案号 is not the complaint's number.
    const borrowed = await failure(admin.request(updateItem('numbering_rules', complaints.id, { field: 'report_no' })));
    expect(borrowed.message).toContain('不能写入“报案号”（report_no）');
    const elsewhere = await failure(admin.request(updateItem('numbering_rules', letters.id, { collection: 'complaint_monthly_stats' })));
    expect(elsewhere).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^“单据”不符合编号规则：客户投诉案件统计表不由系统编号/),
    });
    const batch = await failure(admin.request(updateItems('numbering_rules', [complaints.id, letters.id], { field: 'letter_no' })));
    expect(batch.status).toBe(400);
    expect(await rules()).toEqual(before);
  });

  test('a rule on a numbered field is accepted and numbers its cases; a batch with one bad rule writes none', async () => {
    const [seeded] = (await admin.request(
      readItems('numbering_rules', { filter: { collection: { _eq: 'surrender_requests' } }, fields: RULE_FIELDS }),
    )) as any[];
    const { id, ...rule } = seeded;
    // Every numbered collection has its shipped rule (one per collection): this one is made again.
    await admin.request(deleteItem('numbering_rules', id));
    try {
      const batch = await failure(admin.request(createItems('numbering_rules', [rule, onStatsMonth])));
      expect(batch.status).toBe(400);
      expect(batch.message).toContain('不符合编号规则');
      expect((await rules()).filter((row) => row.collection === 'surrender_requests')).toEqual([]);

      const created = await admin.request(createItem('numbering_rules', rule));
      expect(created).toMatchObject({ collection: 'surrender_requests', field: 'request_no' });
      const renamed = await admin.request(updateItem('numbering_rules', created.id, { name: '退保申请编号', field: 'request_no' }));
      expect(renamed.field).toBe('request_no');
    } catch (error) {
      // Put the shipped rule back for the other tests on this server.
      await admin.request(createItem('numbering_rules', rule)).catch(() => undefined);
      throw error;
    }
    const { policy } = await createPolicyFixture(admin);
    const request = await admin.request(createItem('surrender_requests', { channel: 'visit', policy: policy.id, reason: '经济困难' }));
    expect(request.request_no).toMatch(new RegExp(`^${rule.prefix ?? ''}\\d{4}\\d{${rule.min_digits},}$`));
  });

  test('a flow writing as the system, without events, cannot store a rule on 统计月份 either', async () => {
    // The hooks do not run for it (emitEvents off): the field's own choices (Directus validation) refuse it.
    const before = await rules();
    const flow = await admin.request(
      createFlow({ name: `编号规则绕行${Date.now()}`, status: 'active', trigger: 'webhook', options: { method: 'POST' } }),
    );
    try {
      const operation = await admin.request(
        createOperation({
          flow: flow.id,
          key: 'write_rule',
          name: '写入编号规则',
          type: 'item-create',
          position_x: 19,
          position_y: 1,
          options: { collection: 'numbering_rules', permissions: '$full', emitEvents: false, payload: onStatsMonth },
        }),
      );
      await admin.request(updateFlow(flow.id, { operation: operation.id }));
      await admin.request(triggerFlow('POST', flow.id, {})).catch(() => undefined);
      expect(await rules()).toEqual(before);
      // The flow did run (its run is a revision of the flow, beside those of its creation): its write was rejected.
      const revisions = await admin.request(
        readRevisions({ filter: { collection: { _eq: 'directus_flows' }, item: { _eq: flow.id } }, fields: ['data'] }),
      );
      const run = revisions.map((revision: any) => revision.data).find((data: any) => data?.steps);
      expect(run?.steps?.[0]).toMatchObject({ key: 'write_rule', status: 'reject' });
    } finally {
      await admin.request(deleteFlow(flow.id));
    }
  });
});
