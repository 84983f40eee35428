import { readItems, readMe, readNotifications, updateItem } from '@directus/sdk';
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bulkInsert, openComplaintRow, timestamp } from '../bench/lib/data.mjs';
import { asAdmin, type Client } from '../helpers/api';
import { pause, until } from '../helpers/poll';
import { createTestDatabase } from '../helpers/postgres.mjs';
import { startTestServer, type TestServer } from '../helpers/test-server';

// Issue 21: a recompute of open deadlines is never lost. A deadline rule changes (the change commits and
// answers), and the server is killed with SIGKILL as soon as the recompute the change started has written
// its first pages, half-way through: the other open complaints still carry deadlines of the old rule.
// Started again, with no further edit and no sweep tick (the schedule fires once a year here), the server
// finishes the recompute, and the administrator who changed the rule is told once, also after a further
// restart. Its own server, on SQLite, or PostgreSQL in that pass of the suite.
const OPEN = 20_000;
const DAY = 86_400_000;
const postgres = process.env['AFTER_SALES_TEST_DB'] === 'pg' ? createTestDatabase(process.env['AFTER_SALES_TEST_PG']!) : null;
let server: TestServer;
let db: Knex;

// Registered five days ago at 10:00 Asia/Shanghai. A limit of N days ends at 24:00 (Asia/Shanghai) of the
// Nth day after that day: 16:00 UTC of the registration date + N.
const today = new Date();
const registered = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 5, 2);
const dueAfter = (days: number) => registered - 2 * 3_600_000 + days * DAY + 16 * 3_600_000;

beforeAll(async () => {
  server = await startTestServer({ ...(postgres?.env ?? {}), AFTER_SALES_SWEEP_CRON: '0 3 1 1 *' });
  db =
    server.env['DB_CLIENT'] === 'pg'
      ? knexFactory({
          client: 'pg',
          connection: {
            host: server.env['DB_HOST'],
            port: Number(server.env['DB_PORT']),
            database: server.env['DB_DATABASE'],
            user: server.env['DB_USER'],
            password: server.env['DB_PASSWORD'],
          },
          pool: { min: 0, max: 2 },
        })
      : knexFactory({ client: 'sqlite3', connection: { filename: server.env['DB_FILENAME']! }, useNullAsDefault: true });
  // Open complaints with 运营部, due as the 13-day rule (客户抱怨13天结案) says.
  await bulkInsert(db, 'complaints', OPEN, (i: number) => ({
    ...openComplaintRow(server.env, i, registered, `RESUME${String(i).padStart(5, '0')}`),
    due_at: timestamp(server.env, new Date(dueAfter(13))),
    warn_at: timestamp(server.env, new Date(registered + 0.8 * (dueAfter(13) - registered))),
  }));
  // Its own server starts beside the suite's: on a loaded 2-core machine that has taken minutes.
}, 600_000);

afterAll(async () => {
  await db?.destroy();
  await server?.destroy();
  postgres?.drop();
});

/** Our open complaints whose deadline follows a rule of `days` days, read from the database (the server may be down). */
async function dueAfterDays(days: number): Promise<number> {
  const rows: { due_at: unknown }[] = await db('complaints').where('complaint_no', 'like', 'RESUME%').select('due_at');
  const expected = dueAfter(days);
  return rows.filter((row) => new Date(row.due_at as string | number).getTime() === expected).length;
}

async function recomputeNotices(admin: Client, me: string, since: string): Promise<any[]> {
  return (await admin.request(
    readNotifications({
      filter: {
        recipient: { _eq: me },
        collection: { _eq: 'deadline_rules' },
        subject: { _starts_with: '已按新规则重算' },
        timestamp: { _gte: since },
      },
      fields: ['subject', 'message', 'item'],
    }),
  )) as any[];
}

test(`a rule change whose recompute of ${OPEN} open complaints a kill -9 cut is finished when the server starts again`, async () => {
  let admin = await asAdmin(server.url);
  const me = ((await admin.request(readMe({ fields: ['id'] }))) as any).id;
  const [rule] = (await admin.request(
    readItems('deadline_rules', { filter: { key: { _eq: 'complaint_close' } }, fields: ['id', 'limit_value'] }),
  )) as any[];
  expect(Number(rule.limit_value)).toBe(13);
  expect(await dueAfterDays(13)).toBe(OPEN);
  const since = new Date(Date.now() - 1_000).toISOString();

  // The change commits and answers; the recompute it started commits its first pages, and the process dies
  // half-way through (if no page has committed within 10 s, it dies before the recompute began).
  await admin.request(updateItem('deadline_rules', rule.id, { limit_value: 20 }));
  await until(
    () => dueAfterDays(20),
    (n) => n > 0,
    { timeout: 10_000, interval: 5 },
  ).catch(() => 0);
  await server.stop('SIGKILL');
  const movedBeforeKill = await dueAfterDays(20);
  console.info(`[recompute-resume] ${movedBeforeKill} of ${OPEN} open complaints had the new deadline when the server was killed`);
  expect(movedBeforeKill, 'the kill came before the recompute had finished').toBeLessThan(OPEN);
  expect(Number((await db('deadline_rules').where('id', rule.id).first('limit_value'))?.limit_value)).toBe(20);

  // Started again: nobody edits anything, and no sweep tick comes; every open complaint follows the 20-day rule.
  await server.restart();
  const startedAt = Date.now();
  const resumed = await until(
    () => dueAfterDays(20),
    (n) => n === OPEN,
    { timeout: 180_000, interval: 1_000 },
  );
  expect(resumed).toBe(OPEN);
  console.info(`[recompute-resume] recompute finished ${Date.now() - startedAt} ms after the restart`);

  // The administrator who changed the rule is told once, with what the resumed recompute moved.
  admin = await asAdmin(server.url);
  const [notice] = await until(
    () => recomputeNotices(admin, me, since),
    (list) => list.length > 0,
    { timeout: 30_000 },
  );
  expect(notice).toMatchObject({
    subject: `已按新规则重算 ${OPEN - movedBeforeKill} 件未结案件的时限`,
    message: `时限规则已修改：${OPEN - movedBeforeKill} 件未结案件的期限和预警时间已按新规则重新计算。`,
    item: String(rule.id),
  });

  // A further restart owes nothing: no second notice, the deadlines stay.
  await server.restart();
  admin = await asAdmin(server.url);
  await pause(3_000);
  expect(await recomputeNotices(admin, me, since)).toHaveLength(1);
  expect(await dueAfterDays(20)).toBe(OPEN);
}, 900_000);
