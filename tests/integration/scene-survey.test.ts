import { createItem, readItem, readItems, updateItem } from '@directus/sdk';
import { beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser, failure, type Client, type StaffUser } from '../helpers/api';
import { claimReportPayload, createPolicyFixture } from '../helpers/fixtures';
import { until } from '../helpers/poll';

// C-SCENE / C-SURVEY: the scene and survey notices of a report are tasks with clocks from the deadline rules
// (通知报案人保护现场, 通知承保公司（呈报机构）查勘, 跟进承保公司查勘报告); which reports they run for is the rules'
// 适用条件 (data), and the clerk's tick, recorded by the server, stops each clock.
let admin: Client;
let clerk: StaffUser;
const HOUR = 3_600_000;
const CLOCKS = ['scene_due_at', 'survey_request_due_at', 'survey_report_due_at'] as const;

beforeAll(async () => {
  admin = await asAdmin();
  clerk = await createStaffUser('市场部');
});

async function report(overrides: Record<string, unknown> = {}, by: Client = clerk.client) {
  const { policy } = await createPolicyFixture(admin);
  return by.request(createItem('claim_reports', claimReportPayload(policy.id, overrides)));
}

const hoursAfterReport = (item: any, field: string) =>
  item[field] ? (Date.parse(item[field]) - Date.parse(item.reported_at)) / HOUR : null;
const clocksOf = (item: any) => Object.fromEntries(CLOCKS.map((field) => [field, hoursAfterReport(item, field)]));

async function ruleOf(key: string) {
  const [rule] = await admin.request(
    readItems('deadline_rules', { filter: { key: { _eq: key } }, fields: ['id', 'applies_when', 'limit_value'] }),
  );
  if (!rule) throw new Error(`deadline rule ${key} missing`);
  return rule as { id: number; applies_when: unknown; limit_value: number };
}

describe('which reports get the tasks is rule data (适用条件)', () => {
  test('a death starts the scene and survey clocks (2 hours); a plain report has none; a major case only the survey', async () => {
    expect(clocksOf(await report({ deaths: 1 }))).toEqual({ scene_due_at: 2, survey_request_due_at: 2, survey_report_due_at: null });
    expect(clocksOf(await report({ deaths: 0 }))).toEqual({ scene_due_at: null, survey_request_due_at: null, survey_report_due_at: null });
    const major = await report({ deaths: 0, litigation: true });
    expect(major.is_major).toBe(true);
    expect(clocksOf(major)).toEqual({ scene_due_at: null, survey_request_due_at: 2, survey_report_due_at: null });
  });

  test('an administrator changes the condition: open reports and new ones follow it', async () => {
    const rule = await ruleOf('scene_protection');
    expect(rule.applies_when).toEqual({ deaths: { _gte: 1 } });
    const open = await report({ deaths: 1 });
    expect(hoursAfterReport(open, 'scene_due_at')).toBe(2);
    try {
      await admin.request(updateItem('deadline_rules', rule.id, { applies_when: { deaths: { _gte: '2' } } }));
      const moved = await until(
        () => clerk.client.request(readItem('claim_reports', open.id, { fields: ['reported_at', 'scene_due_at'] })),
        (item: any) => item.scene_due_at === null,
      );
      expect(moved.scene_due_at).toBeNull();
      expect(hoursAfterReport(await report({ deaths: 1 }), 'scene_due_at')).toBeNull();
      expect(hoursAfterReport(await report({ deaths: 2 }), 'scene_due_at')).toBe(2);
    } finally {
      await admin.request(updateItem('deadline_rules', rule.id, { applies_when: rule.applies_when }));
    }
    await until(
      () => clerk.client.request(readItem('claim_reports', open.id, { fields: ['reported_at', 'scene_due_at'] })),
      (item: any) => hoursAfterReport(item, 'scene_due_at') === 2,
    );
  });
});

describe('the clerk ticks each notice; the server records when and who', () => {
  test('ticks stop their clocks; asking for the survey starts the survey report clock; the tasks leave the 工作台', async () => {
    const created = await report({ deaths: 1 });
    const queueKinds = async () => {
      const { status, json } = await callEndpoint(clerk.client, 'GET', '/after-sales/workbench');
      expect(status).toBe(200);
      return json.data.entries.filter((entry: any) => entry.id === String(created.id)).map((entry: any) => entry.kind);
    };
    expect((await queueKinds()).sort()).toEqual(['report_review', 'scene_protection', 'survey_request']);

    const before = Date.now();
    const scene = await clerk.client.request(updateItem('claim_reports', created.id, { scene_protection_notified: true }));
    expect(scene.scene_protection_notified).toBe(true);
    expect(scene.scene_protection_notified_by).toBe(clerk.id);
    expect(Date.parse(scene.scene_protection_notified_at)).toBeGreaterThanOrEqual(before - 1000);
    // A stopped clock keeps its due time, so lateness stays visible.
    expect(hoursAfterReport(scene, 'scene_due_at')).toBe(2);

    const survey = await clerk.client.request(updateItem('claim_reports', created.id, { insurer_survey_notified: true }));
    expect(survey).toMatchObject({ insurer_survey_notified: true, insurer_survey_notified_by: clerk.id, survey_status: 'requested' });
    expect(survey.survey_report_due_at).not.toBeNull();
    expect(Date.parse(survey.survey_report_due_at)).toBeGreaterThan(Date.parse(survey.insurer_survey_notified_at) + 5 * 24 * HOUR);
    expect((await queueKinds()).sort()).toEqual(['report_review', 'survey_report']);

    const received = await clerk.client.request(updateItem('claim_reports', created.id, { survey_report_received: true }));
    expect(received).toMatchObject({ survey_report_received: true, survey_report_received_by: clerk.id, survey_status: 'done' });
    expect(await queueKinds()).toEqual(['report_review']);
  });

  test('a survey report before the survey was asked for is a 400 naming both; nothing of the write is kept', async () => {
    const created = await report({ deaths: 1 });
    const refused = await failure(
      clerk.client.request(updateItem('claim_reports', created.id, { survey_report_received: true, survey_notes: '保险公司已来电' })),
    );
    expect(refused.status).toBe(400);
    expect(refused.message).toBe('“已收到查勘报告”须在“已通知承保公司查勘”之后记录，请先勾选“已通知承保公司查勘”。');
    const after = await clerk.client.request(readItem('claim_reports', created.id));
    expect(after).toMatchObject({ survey_report_received: false, survey_report_received_at: null, survey_notes: null });
  });

  test("the time and person are the server's: typed by a clerk they are refused; a tick cannot be taken back", async () => {
    const created = await report({ deaths: 1 });
    const typedTime = await failure(
      clerk.client.request(updateItem('claim_reports', created.id, { scene_protection_notified_at: new Date().toISOString() })),
    );
    // Back-entry of an event time is an administrator's (403: not allowed), like 报案时间.
    expect(typedTime.status).toBe(403);
    expect(typedTime.message).toContain('通知保护现场时间');
    const typedPerson = await failure(
      clerk.client.request(updateItem('claim_reports', created.id, { scene_protection_notified_by: clerk.id })),
    );
    expect(typedPerson.status).toBe(400);
    expect(typedPerson.message).toContain('通知保护现场人');

    await clerk.client.request(updateItem('claim_reports', created.id, { scene_protection_notified: true }));
    const undone = await failure(clerk.client.request(updateItem('claim_reports', created.id, { scene_protection_notified: false })));
    expect(undone.status).toBe(400);
    expect(undone.message).toBe('“已通知报案人保护现场”已记录，不能撤销；记录有误请联系管理员更正。');
    expect((await clerk.client.request(readItem('claim_reports', created.id))).scene_protection_notified).toBe(true);
  });
});

test('a late task gets exactly one urge notice from the sweep; a ticked one none', async () => {
  // Taken on paper five hours ago (back-entered by an administrator): both 2-hour clocks are past due.
  const created = await report({ deaths: 1, reported_at: new Date(Date.now() - 5 * HOUR).toISOString() }, admin);
  await clerk.client.request(updateItem('claim_reports', created.id, { scene_protection_notified: true }));
  const sweep = async () => {
    const { status } = await callEndpoint(admin, 'POST', '/after-sales/sweep');
    expect(status).toBe(200);
  };
  const urges = () =>
    admin.request(
      readItems('urge_notices', {
        filter: { collection: { _eq: 'claim_reports' }, item: { _eq: String(created.id) } },
        fields: ['department', 'reason', 'clock_key'],
      }),
    );
  await sweep();
  await sweep();
  const issued = await urges();
  expect(issued).toHaveLength(1);
  expect(issued[0]).toMatchObject({ department: 'market' });
  expect(issued[0]!.reason).toContain('「通知承保公司（呈报机构）查勘」');
  expect(issued[0]!.reason).toContain('请市场部立即办理');
});

test('a rule that reaches old reports is not retroactive: their past-due tasks show as overdue but get no 催办单', async () => {
  // What an upgrade that adds the scene rule does to open reports, done here by widening the rule's condition:
  // an old report (taken five hours ago) that the rule did not cover gets a scene clock already past due.
  const tag = `旧报案${Date.now()}`;
  const old = await report({ deaths: 0, insured_name: tag, reported_at: new Date(Date.now() - 5 * HOUR).toISOString() }, admin);
  // A report the rule covered from the start, as late: urged as before.
  const covered = await report({ deaths: 1, reported_at: new Date(Date.now() - 5 * HOUR).toISOString() }, admin);
  expect(old.scene_due_at).toBeNull();
  const rule = await ruleOf('scene_protection');
  try {
    await admin.request(
      updateItem('deadline_rules', rule.id, { applies_when: { _or: [rule.applies_when, { insured_name: { _eq: tag } }] } }),
    );
    const reached = await until(
      () => clerk.client.request(readItem('claim_reports', old.id, { fields: ['reported_at', 'scene_due_at'] })),
      (item: any) => item.scene_due_at !== null,
    );
    expect(hoursAfterReport(reached, 'scene_due_at')).toBe(2);
    const { status } = await callEndpoint(admin, 'POST', '/after-sales/sweep');
    expect(status).toBe(200);
    const sceneUrges = async (id: number) =>
      (
        await admin.request(
          readItems('urge_notices', {
            filter: { collection: { _eq: 'claim_reports' }, item: { _eq: String(id) } },
            fields: ['reason'],
          }),
        )
      ).filter((urge: any) => urge.reason.includes('「通知报案人保护现场」'));
    expect(await sceneUrges(old.id)).toEqual([]);
    expect(await sceneUrges(covered.id)).toHaveLength(1);
    // The task is still the clerk's, shown as overdue.
    const { json } = await callEndpoint(clerk.client, 'GET', '/after-sales/workbench');
    const entry = json.data.entries.find((candidate: any) => candidate.id === String(old.id) && candidate.kind === 'scene_protection');
    expect(entry).toMatchObject({ status: 'breached' });
  } finally {
    await admin.request(updateItem('deadline_rules', rule.id, { applies_when: rule.applies_when }));
  }
});
