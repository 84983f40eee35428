// X-SCALE: two processes of this console on one PostgreSQL database and one Redis (synchronization,
// cache and messenger), requests spread over both, the way a scaled deployment runs.
import { createItem, readItem, readItems, updateItem } from '@directus/sdk';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asAdmin, createStaffUser, moveComplaint, type Client, type StaffUser } from '../helpers/api';
import { complaintPayload } from '../helpers/fixtures';
import { createTestDatabase } from '../helpers/postgres.mjs';
import { startTestCluster, type TestInstance } from '../helpers/test-server';
import { redisNamespaceEnv, redisStoresEnv } from '../helpers/redis-env.mjs';

const SWEEP_EVERY_SECONDS = 2;
const namespace = `after-sales-test-${randomUUID().slice(0, 8)}`;
const redisUrl = process.env['AFTER_SALES_TEST_REDIS'];
const pgUrl = process.env['AFTER_SALES_TEST_PG'];
if (!redisUrl || !pgUrl)
  throw new Error('the two-instance test needs AFTER_SALES_TEST_PG (a PostgreSQL URL) and AFTER_SALES_TEST_REDIS (a Redis URL)');

let database: ReturnType<typeof createTestDatabase>;
let cluster: Awaited<ReturnType<typeof startTestCluster>>;
let a: TestInstance, b: TestInstance;
let adminA: Client, adminB: Client;
let redis: Redis;

beforeAll(async () => {
  database = createTestDatabase(pgUrl);
  cluster = await startTestCluster(2, {
    ...database.env,
    REDIS: redisUrl,
    ...redisStoresEnv(),
    ...redisNamespaceEnv(namespace),
    AFTER_SALES_SWEEP_CRON: `*/${SWEEP_EVERY_SECONDS} * * * * *`,
  });
  [a, b] = cluster.instances as [TestInstance, TestInstance];
  [adminA, adminB] = await Promise.all([asAdmin(a.url), asAdmin(b.url)]);
  redis = new Redis(redisUrl);
});

afterAll(async () => {
  await cluster?.destroy();
  database?.drop();
  if (redis) {
    const keys = await redis.keys(`${namespace}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
});

/** The same user logged in on both instances. */
/** A complaint move by a user of instance A or B, on that instance. */
const moveOnA = (user: StaffUser, id: number, to: string, values: Record<string, unknown> = {}) =>
  moveComplaint(user.client, id, to, values, undefined, a.url);
const moveOnB = (user: StaffUser, id: number, to: string, values: Record<string, unknown> = {}) =>
  moveComplaint(user.client, id, to, values, undefined, b.url);

async function onBoth(role: string, policies: string[] = []): Promise<[StaffUser, StaffUser]> {
  const user = await createStaffUser(role, policies, a.url);
  const other = await createStaffUser(role, policies, b.url);
  return [user, other];
}

const serialOf = (complaintNo: string) => Number(complaintNo.slice(4));

/** The serials given to complaints so far (the counter of this month's complaint numbers). */
async function complaintCounter(client: Client): Promise<number> {
  const rows: any[] = await client.request(
    readItems('number_sequences', { filter: { key: { _starts_with: 'complaints:' } }, fields: ['last_value'] }),
  );
  return Number(rows[0]?.last_value ?? 0);
}

describe('two instances on PostgreSQL + Redis', () => {
  test('complaint numbers stay unique and gap-free when registrations are spread over both instances', async () => {
    const [clerkA, clerkB] = await onBoth('市场部');
    const [gmA, gmB] = await onBoth('总经理室');
    const count = 30;
    const submitted = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        (i % 2 ? clerkB : clerkA).client.request(
          createItem('complaints', complaintPayload({ stage: 'submitted', customer_name: `并发${i}` })),
        ),
      ),
    );
    const registered = await Promise.all(
      submitted.map((complaint, i) => (i % 2 ? moveOnA(gmA, complaint.id, 'registered') : moveOnB(gmB, complaint.id, 'registered'))),
    );
    const serials = registered.map((complaint) => serialOf(complaint.complaint_no)).sort((x, y) => x - y);
    expect(serials).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(await complaintCounter(adminB)).toBe(count);
  });

  test('the same complaint registered at the same moment on both instances takes one number, not two', async () => {
    const [clerkA] = await onBoth('市场部');
    const [gmA, gmB] = await onBoth('总经理室');
    const before = await complaintCounter(adminA);
    const races = 5;
    const complaints = await Promise.all(
      Array.from({ length: races }, (_, i) =>
        clerkA.client.request(createItem('complaints', complaintPayload({ stage: 'submitted', customer_name: `同时受理${i}` }))),
      ),
    );
    const outcomes = await Promise.all(
      complaints.flatMap((complaint) =>
        [moveOnA(gmA, complaint.id, 'registered'), moveOnB(gmB, complaint.id, 'registered')].map((move) =>
          move.then(
            (item) => item.complaint_no as string,
            () => null,
          ),
        ),
      ),
    );
    const stored = await Promise.all(
      complaints.map((complaint) => adminB.request(readItem('complaints', complaint.id, { fields: ['stage', 'complaint_no'] }))),
    );
    for (const item of stored) expect(item.stage).toBe('registered');
    const numbers = stored.map((item) => item.complaint_no as string);
    expect(new Set(numbers).size).toBe(races);
    // Exactly one of the two registrations of each complaint went through (the other was refused:
    // the complaint was registered already), and it answered with the number the complaint kept.
    for (let i = 0; i < races; i++) {
      const answers = outcomes.slice(2 * i, 2 * i + 2).filter((answer) => answer !== null);
      expect(answers).toEqual([numbers[i]]);
    }
    expect((await complaintCounter(adminA)) - before).toBe(races);
    expect(numbers.map(serialOf).sort((x, y) => x - y)).toEqual(Array.from({ length: races }, (_, i) => before + i + 1));
  });

  test('every scheduled sweep runs once per tick in total, and an overdue case is urged once', async () => {
    // Back-entered 20 days ago by an administrator on A: 13-day limit long past.
    const overdue = await adminA.request(
      createItem(
        'complaints',
        complaintPayload({ stage: 'registered', registered_at: new Date(Date.now() - 20 * 86_400_000).toISOString() }),
      ),
    );
    // The row of a run eight days ago: past the week the ledger keeps run rows.
    const eightDaysAgo = new Date(Math.floor((Date.now() - 8 * 86_400_000) / 60_000) * 60_000).toISOString();
    const stale = await adminA.request(
      createItem('deadline_events', {
        key: `sweep_run:${eightDaysAgo}`,
        kind: 'sweep_run',
        item: 'retired-instance',
        created_at: eightDaysAgo,
      }),
    );
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 7 * SWEEP_EVERY_SECONDS * 1000));
    const until = new Date().toISOString();

    const runs = await adminB.request(
      readItems('deadline_events', {
        filter: { _and: [{ kind: { _eq: 'sweep_run' } }, { created_at: { _gte: since } }, { created_at: { _lte: until } }] },
        fields: ['key', 'item', 'created_at'],
        limit: -1,
      }),
    );
    // Two instances firing every tick would make twice as many runs as ticks; once per tick in total
    // makes one per tick (the edges of the window may hold one more or one less).
    const period = SWEEP_EVERY_SECONDS * 1000;
    const ticks = Math.floor(Date.parse(until) / period) - Math.floor(Date.parse(since) / period);
    expect(runs.length).toBeGreaterThanOrEqual(ticks - 2);
    expect(runs.length).toBeLessThanOrEqual(ticks + 1);
    expect(new Set(runs.map((run: any) => run.key)).size).toBe(runs.length);
    // Directus fired the schedule through Redis (SYNCHRONIZATION_STORE), not per process.
    const clocks = await redis.keys(`${namespace}:sync:clock:*`);
    expect(clocks.some((key) => key.endsWith(`*/${SWEEP_EVERY_SECONDS} * * * * *`))).toBe(true);

    const urges = await adminA.request(
      readItems('urge_notices', {
        filter: { _and: [{ collection: { _eq: 'complaints' } }, { item: { _eq: String(overdue.id) } }] },
        limit: -1,
      }),
    );
    expect(urges).toHaveLength(1);
    // Run rows are kept a week: the old one is gone, the runs of this window stay.
    expect(await adminB.request(readItems('deadline_events', { filter: { id: { _eq: stale.id } }, fields: ['id'] }))).toHaveLength(0);
  });

  test('a deadline rule changed on one instance is applied by the other at once', async () => {
    const rule = (client: Client) =>
      client
        .request(readItems('deadline_rules', { filter: { key: { _eq: 'complaint_close' } }, fields: ['id', 'limit_value'] }))
        .then((rows: any[]) => rows[0]);
    // B has the rules in its (Redis) response cache before the change.
    const cached = await rule(adminB);
    expect(Number(cached.limit_value)).toBe(13);
    const backEntered = { stage: 'registered', registered_at: '2026-11-02T02:00:00.000Z' };
    const beforeChange = await adminB.request(createItem('complaints', complaintPayload(backEntered)));
    expect(beforeChange.due_at).toBe('2026-11-15T16:00:00.000Z');

    await adminA.request(updateItem('deadline_rules', cached.id, { limit_value: 20 }));
    try {
      expect(Number((await rule(adminB)).limit_value)).toBe(20);
      const afterChange = await adminB.request(createItem('complaints', complaintPayload(backEntered)));
      expect(afterChange.due_at).toBe('2026-11-22T16:00:00.000Z');
    } finally {
      await adminA.request(updateItem('deadline_rules', cached.id, { limit_value: 13 }));
    }
  });

  test('an approval authority changed on one instance decides approvals on the other', async () => {
    const authority = (
      (await adminA.request(
        readItems('approval_authorities', { filter: { level: { _eq: '业务部经理' } }, fields: ['id', 'max_amount'] }),
      )) as any[]
    )[0];
    const [clerk] = await onBoth('市场部');
    const [, gmB] = await onBoth('总经理室');
    const [, opsB] = await onBoth('运营部');
    const [, managerB] = await onBoth('总经理室', ['业务部经理']);
    const complaint = await clerk.client.request(createItem('complaints', complaintPayload({ stage: 'submitted' })));
    await moveOnB(gmB, complaint.id, 'registered');
    await moveOnB(gmB, complaint.id, 'investigating');
    await moveOnB(opsB, complaint.id, 'plan_review', {
      investigation_cause: '保全录入错误',
      responsibility: '运营部',
      countermeasures: '复核保全录入',
    });
    const amount = Number(authority.max_amount) + 1000;
    const offer = { gm_opinion: '退还保费', offer_amount: amount };

    await expect(moveOnB(managerB, complaint.id, 'negotiating', offer)).rejects.toMatchObject({ response: { status: 403 } });
    await adminA.request(updateItem('approval_authorities', authority.id, { max_amount: amount }));
    try {
      const approved = await moveOnB(managerB, complaint.id, 'negotiating', offer);
      expect(approved).toMatchObject({ stage: 'negotiating', approval_level: '业务部经理' });
    } finally {
      await adminA.request(updateItem('approval_authorities', authority.id, { max_amount: authority.max_amount }));
    }
  });
});
