import { createItem, createItems, deleteItem, readItems, readNotifications, updateItem } from '@directus/sdk';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { asAdmin, callEndpoint, createStaffUser, type Client } from '../helpers/api';
import { complaintPayload } from '../helpers/fixtures';
import { until } from '../helpers/poll';
import { createTestDatabase } from '../helpers/postgres.mjs';
import { startTestServer, type TestServer } from '../helpers/test-server';

// A holiday added to the calendar moves the deadlines of many open cases at once (issue 21: the recompute writes
// them in batches), and the list shows the new deadlines right away. Its own server, with Directus's data cache on
// (CACHE_ENABLED with CACHE_AUTO_PURGE, as a production console would run it): the recompute writes around
// ItemsService, so it must make the cache forget what it kept. On SQLite, or PostgreSQL in that pass of the suite.
const OPEN = 300;
const postgres = process.env['AFTER_SALES_TEST_DB'] === 'pg' ? createTestDatabase(process.env['AFTER_SALES_TEST_PG']!) : null;
let server: TestServer;
let admin: Client;

beforeAll(async () => {
  server = await startTestServer({ ...(postgres?.env ?? {}), CACHE_ENABLED: 'true', CACHE_STORE: 'memory', CACHE_AUTO_PURGE: 'true' });
  admin = await asAdmin(server.url);
  // Its own server starts beside the suite's: on a loaded 2-core machine that has taken over 4 minutes.
}, 600_000);
afterAll(async () => {
  await server?.destroy();
  postgres?.drop();
});

/** The notice the administrator gets when the recompute is done. Every poll asks the same query, so an empty
 * answer cached before the notice was written must be forgotten once it is (notices purge Directus's cache). */
async function recomputeNotice(since: string): Promise<any> {
  const [notice] = await until(
    () =>
      admin.request(
        readNotifications({
          filter: { collection: { _eq: 'work_calendar' }, subject: { _starts_with: '已按新规则重算' }, timestamp: { _gte: since } },
          fields: ['subject', 'message'],
          limit: 1000,
        }),
      ) as Promise<any[]>,
    (notices) => notices.length > 0,
    { timeout: 60_000 },
  );
  return notice;
}

test(`a holiday on their due day moves the registration deadline of ${OPEN} open complaints, shown at once`, async () => {
  // 300 complaints waiting for the GM Office's registration: a 1-working-day stage clock from now.
  const created: any[] = [];
  for (let i = 0; i < OPEN; i += 100)
    created.push(
      ...((await admin.request(
        createItems(
          'complaints',
          Array.from({ length: 100 }, () => complaintPayload({ stage: 'submitted' })),
        ),
      )) as any[]),
    );
  const ids = created.map((complaint) => complaint.id);
  // The list an office would have open: read once before the change, so the cache holds it.
  const list = () =>
    admin.request(
      readItems('complaints', {
        filter: { id: { _in: ids } },
        fields: ['id', 'stage_entered_at', 'stage_due_at', 'stage_warn_at'],
        limit: -1,
      }),
    ) as Promise<any[]>;
  const before = await list();
  const oldDue = created[0].stage_due_at;
  expect(before.filter((complaint) => complaint.stage_due_at === oldDue)).toHaveLength(OPEN);

  // The working day they are due on (24:00 Asia/Shanghai of that day) becomes a company holiday.
  const dueDay = new Date(Date.parse(oldDue) + 8 * 3_600_000 - 1).toISOString().slice(0, 10);
  const [existing] = (await admin.request(
    readItems('work_calendar', { filter: { date: { _eq: dueDay } }, fields: ['id', 'is_workday', 'name'] }),
  )) as any[];
  const since = new Date(Date.now() - 1_000).toISOString();
  const day = existing
    ? (await admin.request(updateItem('work_calendar', existing.id, { is_workday: false, name: '公司活动停工' })), existing)
    : ((await admin.request(
        createItem('work_calendar', { date: dueDay, is_workday: false, name: '公司活动停工', source: 'company' }),
      )) as any);
  try {
    // Someone reads the list while the recompute is on its way: the cache keeps this answer.
    await list();
    const notice = await recomputeNotice(since);
    expect(notice.subject).toBe(`已按新规则重算 ${OPEN} 件未结案件的时限`);
    expect(notice.message).toBe(`工作日历已修改：${OPEN} 件未结案件的期限和预警时间已按新规则重新计算。`);

    // The same list, read the same way right after: every complaint shows the new deadline and warning time.
    const after = await list();
    expect(after).toHaveLength(OPEN);
    // Then (its create purges the cache) a complaint submitted now: its deadline comes from the save, not the recompute.
    const fresh = (await admin.request(createItem('complaints', complaintPayload({ stage: 'submitted' })))) as any;
    expect(Date.parse(fresh.stage_due_at)).toBeGreaterThan(Date.parse(oldDue));
    const [rule] = (await admin.request(
      readItems('deadline_rules', { filter: { key: { _eq: 'complaint_registration' } }, fields: ['warn_ratio'] }),
    )) as any[];
    const ratio = Number(rule.warn_ratio);

    const wrong = after.filter((complaint) => {
      const start = Date.parse(complaint.stage_entered_at);
      const due = Date.parse(fresh.stage_due_at);
      const warn = new Date(start + Math.round(ratio * (due - start))).toISOString();
      return complaint.stage_due_at !== fresh.stage_due_at || complaint.stage_warn_at !== warn;
    });
    expect(wrong.slice(0, 3)).toEqual([]);
  } finally {
    if (existing) await admin.request(updateItem('work_calendar', existing.id, { is_workday: existing.is_workday, name: existing.name }));
    else await admin.request(deleteItem('work_calendar', day.id));
  }
}, 240_000);

test('a 催办单 the sweep writes shows at once in a notification list read (and cached) just before it', async () => {
  const clerk = await createStaffUser('运营部', [], server.url);
  const overdue = (await admin.request(
    createItem(
      'complaints',
      complaintPayload({ stage: 'investigating', registered_at: new Date(Date.now() - 20 * 86_400_000).toISOString() }),
    ),
  )) as any;
  const notices = () =>
    clerk.client.request(
      readNotifications({ filter: { collection: { _eq: 'complaints' }, item: { _eq: String(overdue.id) } }, fields: ['subject'] }),
    ) as Promise<any[]>;
  expect(await notices()).toEqual([]);
  const swept = await callEndpoint(admin, 'POST', '/after-sales/sweep', undefined, server.url);
  expect(swept.status).toBe(200);
  const shown = await until(notices, (list) => list.length > 0, { timeout: 15_000 });
  expect(shown).toHaveLength(1);
  expect(shown[0].subject).toContain('催办');
}, 120_000);

test('open complaints far apart in key order (gaps wider than a span of keys) all get the changed rule, one notice counting each once', async () => {
  // Keys as an import or years of deleted drafts leave them: runs of neighbours, and jumps of tens of thousands
  // (the recompute lists integer keys a span of 5,000 at a time and skips empty spans).
  const base = 7_000_000;
  const keys = [base, base + 1, base + 40_000, base + 40_001, base + 900_000];
  const created = (await admin.request(
    createItems(
      'complaints',
      keys.map((id) => ({ ...complaintPayload({ stage: 'submitted' }), id })),
    ),
  )) as any[];
  expect(created.map((complaint) => complaint.id)).toEqual(keys);
  const [rule] = (await admin.request(
    readItems('deadline_rules', { filter: { key: { _eq: 'complaint_registration' } }, fields: ['id', 'limit_value'] }),
  )) as any[];
  const open = (await admin.request(
    readItems('complaints', { filter: { stage: { _eq: 'submitted' } }, aggregate: { count: '*' } }),
  )) as any[];
  const since = new Date(Date.now() - 1_000).toISOString();
  try {
    await admin.request(updateItem('deadline_rules', rule.id, { limit_value: rule.limit_value + 2 }));
    const [notice] = await until(
      () =>
        admin.request(
          readNotifications({
            filter: { collection: { _eq: 'deadline_rules' }, subject: { _starts_with: '已按新规则重算' }, timestamp: { _gte: since } },
            fields: ['subject'],
          }),
        ) as Promise<any[]>,
      (notices) => notices.length > 0,
      { timeout: 60_000 },
    );
    expect(notice.subject).toBe(`已按新规则重算 ${Number(open[0].count)} 件未结案件的时限`);
    const after = (await admin.request(
      readItems('complaints', { filter: { id: { _in: keys } }, fields: ['id', 'stage_due_at'], sort: ['id'] }),
    )) as any[];
    expect(after.map((complaint) => complaint.id)).toEqual(keys);
    for (const [i, complaint] of after.entries())
      expect(Date.parse(complaint.stage_due_at)).toBeGreaterThan(Date.parse(created[i].stage_due_at));
  } finally {
    await admin.request(updateItem('deadline_rules', rule.id, { limit_value: rule.limit_value }));
  }
}, 120_000);
