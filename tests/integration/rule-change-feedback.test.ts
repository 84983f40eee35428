import { aggregate, createItem, createItems, deleteItem, readItem, readItems, readMe, readNotifications, updateItem } from '@directus/sdk';
import { beforeAll, expect, test } from 'vitest';
import { asAdmin, type Client } from '../helpers/api';
import { complaintPayload } from '../helpers/fixtures';
import { until } from '../helpers/poll';

// After a deadline rule or a calendar day changes, the administrator who changed it is told in the
// console (a notification) how many open cases got new deadlines.
let admin: Client;
let me: string;
beforeAll(async () => {
  admin = await asAdmin();
  me = ((await admin.request(readMe({ fields: ['id'] }))) as any).id;
});

/** The recompute notices about `collection` this administrator got since `since`, waiting until there are `count`. */
async function recomputeNotices(collection: string, since: string, count: number): Promise<any[]> {
  const read = () =>
    admin.request(
      readNotifications({
        filter: {
          recipient: { _eq: me },
          collection: { _eq: collection },
          subject: { _starts_with: '已按新规则重算' },
          timestamp: { _gte: since },
        },
        fields: ['subject', 'message', 'collection', 'item'],
        sort: ['timestamp'],
      }),
    ) as Promise<any[]>;
  return until(read, (notices) => notices.length >= count, { timeout: 20_000 });
}

/** Open complaints waiting for the GM Office's registration: their stage clock runs on 总经理室受理登记. */
async function submittedCount(): Promise<number> {
  const [row] = (await admin.request(
    aggregate('complaints', {
      aggregate: { count: '*' },
      query: { filter: { stage: { _eq: 'submitted' }, stage_entered_at: { _nnull: true } } },
    }),
  )) as any[];
  return Number(row.count);
}

test('changing a deadline rule tells the administrator how many open cases got new deadlines', async () => {
  const ours = (await admin.request(
    createItems('complaints', [complaintPayload({ stage: 'submitted' }), complaintPayload({ stage: 'submitted' })]),
  )) as any[];
  const [rule] = (await admin.request(
    readItems('deadline_rules', { filter: { key: { _eq: 'complaint_registration' } }, fields: ['id', 'limit_value'] }),
  )) as any[];
  const open = await submittedCount();
  expect(open).toBeGreaterThanOrEqual(2);
  const since = new Date(Date.now() - 1_000).toISOString();
  try {
    await admin.request(updateItem('deadline_rules', rule.id, { limit_value: rule.limit_value + 1 }));
    const [notice] = await recomputeNotices('deadline_rules', since, 1);
    expect(notice).toMatchObject({
      subject: `已按新规则重算 ${open} 件未结案件的时限`,
      collection: 'deadline_rules',
      item: String(rule.id),
    });
    expect(notice.message).toBe(`时限规则已修改：${open} 件未结案件的期限和预警时间已按新规则重新计算。`);
    const moved = (await admin.request(readItem('complaints', ours[0].id, { fields: ['stage_due_at'] }))) as any;
    expect(moved.stage_due_at).not.toBe(ours[0].stage_due_at);
  } finally {
    await admin.request(updateItem('deadline_rules', rule.id, { limit_value: rule.limit_value }));
  }
  const [, restored] = await recomputeNotices('deadline_rules', since, 2);
  expect(restored.subject).toBe(`已按新规则重算 ${open} 件未结案件的时限`);
});

test('a holiday added to the calendar tells the administrator how many open deadlines moved', async () => {
  const [complaint] = (await admin.request(createItems('complaints', [complaintPayload({ stage: 'submitted' })]))) as any[];
  // The working day the registration clock ends on (24:00 Asia/Shanghai of that day) becomes a holiday.
  const dueDay = new Date(Date.parse(complaint.stage_due_at) + 8 * 3_600_000 - 1).toISOString().slice(0, 10);
  const [existing] = (await admin.request(
    readItems('work_calendar', { filter: { date: { _eq: dueDay } }, fields: ['id', 'is_workday', 'name'] }),
  )) as any[];
  const since = new Date(Date.now() - 1_000).toISOString();
  const day = existing
    ? (await admin.request(updateItem('work_calendar', existing.id, { is_workday: false, name: '测试停工' })), existing)
    : ((await admin.request(createItem('work_calendar', { date: dueDay, is_workday: false, name: '测试停工' }))) as any);
  try {
    const [notice] = await recomputeNotices('work_calendar', since, 1);
    const moved = Number(/^已按新规则重算 (\d+) 件未结案件的时限$/.exec(notice.subject)?.[1]);
    expect(moved).toBeGreaterThanOrEqual(1);
    expect(notice).toMatchObject({
      collection: 'work_calendar',
      message: `工作日历已修改：${moved} 件未结案件的期限和预警时间已按新规则重新计算。`,
    });
    const after = (await admin.request(readItem('complaints', complaint.id, { fields: ['stage_due_at'] }))) as any;
    expect(Date.parse(after.stage_due_at)).toBeGreaterThan(Date.parse(complaint.stage_due_at));
  } finally {
    if (existing) await admin.request(updateItem('work_calendar', existing.id, { is_workday: existing.is_workday, name: existing.name }));
    else await admin.request(deleteItem('work_calendar', day.id));
  }
  expect(await recomputeNotices('work_calendar', since, 2)).toHaveLength(2);
});
