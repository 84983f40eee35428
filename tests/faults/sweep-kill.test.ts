// X-FAULTS: an instance killed with -9 in the middle of a sweep that issues 1,000 urge notices, on the
// two-instance topology (two console processes, one PostgreSQL, one Redis of the test's own,
// tests/helpers/private-services.mjs). After B sweeps at once and A, started again, sweeps too, every
// due case has exactly one 催办单, one ledger row and one notification, and the notice numbers are
// unique and gap-free: exactly-once comes from the ledger's unique key, whose row commits with the
// notices (notices/issue-once.ts issueEach), not from timing.
import knexFactory, { type Knex } from 'knex';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { prepareDatabase, startServer, stopServer } from '../../scripts/lib/directus.mjs';
import { freePort } from '../../scripts/lib/free-port.mjs';
import { bulkInsert, openComplaintRow } from '../bench/lib/data.mjs';
import { asAdmin, callEndpoint, createStaffUser } from '../helpers/api';
import { privateServicesAvailable, startPrivatePostgres, startPrivateRedis } from '../helpers/private-services.mjs';
import { scratchEnv } from '../helpers/scratch-env.mjs';
import { redisStoresEnv } from '../helpers/redis-env.mjs';

/** Overdue complaints: each owes one urge notice (1,000+ as the issue asks; more batches to kill in between). */
const DUE = 1000;
const DAY = 86_400_000;

const available = privateServicesAvailable();
const artifacts = path.resolve(__dirname, '..', '.artifacts');

type Server = Awaited<ReturnType<typeof startServer>>;
let postgres: Awaited<ReturnType<typeof startPrivatePostgres>>;
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
let dataDir: string;
let env: Record<string, string>;
let db: Knex;
const servers: Server[] = [];

async function startInstance(): Promise<Server> {
  const port = String(await freePort());
  const server = await startServer({ ...env, PORT: port, PUBLIC_URL: `http://127.0.0.1:${port}` }, { quiet: true });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  if (!available) return;
  const startedAt = Date.now();
  [postgres, redis] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'after-sales-sweep-kill-'));
  env = scratchEnv(dataDir, {
    ...postgres.env,
    REDIS: redis.url,
    ...redisStoresEnv(),
    // The schedule fires once a year (1 January): the test starts each sweep itself, on the instance it chooses.
    AFTER_SALES_SWEEP_CRON: '0 3 1 1 *',
    LOG_LEVEL: 'warn',
  });
  await prepareDatabase(env, { quiet: true });
  db = knexFactory({ client: 'pg', connection: postgres.url, pool: { min: 0, max: 2 } });
  const now = Date.now();
  // Registered 20 days ago with 运营部, due 6 days ago (the clock fields as the bundle sets them).
  await bulkInsert(db, 'complaints', DUE, (i: number) => openComplaintRow(env, i, now - 20 * DAY, `KILL${String(i).padStart(5, '0')}`));
  console.info(`[sweep-kill] PostgreSQL, Redis, setup and ${DUE} overdue complaints ready in ${Date.now() - startedAt} ms`);
  // Setting up Directus on PostgreSQL takes about a minute on a quiet machine, several under CI's load.
}, 900_000);

afterAll(async () => {
  for (const [i, server] of servers.entries()) {
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(path.join(artifacts, `sweep-kill-instance-${i + 1}.log`), server.output());
  }
  await Promise.all(servers.map((server) => stopServer(server.child)));
  await db?.destroy();
  await redis?.destroy();
  await postgres?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const count = async (table: string, where: (query: Knex.QueryBuilder) => void = () => {}) => {
  const query = db(table).count({ n: '*' });
  where(query);
  return Number((await query)[0]!['n']);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!available)('kill -9 in the middle of a sweep, two instances on PostgreSQL + Redis of the test’s own', () => {
  test(`instance A killed while issuing ${DUE} urge notices: after A restarts and both sweep, each exists exactly once`, async () => {
    const [first, b] = await Promise.all([startInstance(), startInstance()]);
    let a = first;
    const [adminA, adminB] = await Promise.all([asAdmin(a.url), asAdmin(b.url)]);
    // One 运营部 clerk: every urge notice is also one notification in that clerk's notification centre.
    const clerk = await createStaffUser('运营部', [], b.url);
    const urgesOfComplaints = (query: Knex.QueryBuilder) => query.where('collection', 'complaints');

    // The sweep starts on A; A is killed with SIGKILL once some batches have committed, before all did.
    const sweepOnA = callEndpoint(adminA, 'POST', '/after-sales/sweep', undefined, a.url).catch((error) => error);
    let atKill = 0;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      atKill = await count('urge_notices', urgesOfComplaints);
      if (atKill > 0) break;
      await sleep(20);
    }
    await stopServer(a.child, 'SIGKILL');
    const answer = await sweepOnA;
    // What the database kept of A's sweep once PostgreSQL rolled back the transaction the kill cut.
    const keptAfterKill = await count('urge_notices', urgesOfComplaints);
    console.info(`[sweep-kill] notices when A was killed: ${atKill}; kept after the kill: ${keptAfterKill} of ${DUE}`);
    expect(answer?.status, 'the sweep on A got no answer: the process died in the middle').not.toBe(200);
    expect(atKill).toBeGreaterThan(0);
    expect(keptAfterKill, 'A was killed before its sweep had issued every notice').toBeLessThan(DUE);

    // B takes over at once (its sweep, as its next tick would) while A starts again on the same database;
    // A sweeps as soon as it is up, while B's sweep may still run.
    const restartedAt = Date.now();
    const sweepOnB = callEndpoint(adminB, 'POST', '/after-sales/sweep', undefined, b.url);
    a = await startInstance();
    const adminA2 = await asAdmin(a.url);
    const [afterA, afterB] = await Promise.all([callEndpoint(adminA2, 'POST', '/after-sales/sweep', undefined, a.url), sweepOnB]);
    expect([afterA.status, afterB.status]).toEqual([200, 200]);
    const issuedAfter = afterA.json.data.urges + afterB.json.data.urges;
    console.info(
      `[sweep-kill] after the kill (${Date.now() - restartedAt} ms): B issued ${afterB.json.data.urges}, ` +
        `restarted A ${afterA.json.data.urges} urge notices`,
    );

    // Every due complaint: exactly one 催办单, one ledger row, one notification to the 运营部 clerk.
    const perCase = async (table: string, column: string, where: (query: Knex.QueryBuilder) => void) =>
      (await db(table).select(column).count({ n: '*' }).where(where).groupBy(column)).map((row: any) => Number(row.n));
    const ids: number[] = (await db('complaints').where('complaint_no', 'like', 'KILL%').pluck('id')).map(Number);
    expect(ids).toHaveLength(DUE);
    const notices = await db('urge_notices').where('collection', 'complaints').select('item', 'clock_key', 'notice_no');
    expect(new Set(notices.map((n: any) => String(n.item)))).toEqual(new Set(ids.map(String)));
    expect(notices).toHaveLength(DUE);
    expect(new Set(notices.map((n: any) => n.clock_key)).size).toBe(DUE);
    const ledger = await perCase('deadline_events', 'item', (query) => query.where({ kind: 'urge', collection: 'complaints' }));
    expect(ledger).toHaveLength(DUE);
    expect(ledger.every((n) => n === 1)).toBe(true);
    const told = await perCase('directus_notifications', 'item', (query) =>
      query.where({ recipient: clerk.id, collection: 'complaints' }).andWhere('subject', 'like', '【催办】%'),
    );
    expect(told).toHaveLength(DUE);
    expect(told.every((n) => n === 1)).toBe(true);
    // The batches A's kill cut were issued again by A or B (not by both), and nothing was issued twice
    // (the sweeps after the restart may also urge last month's statistics: not a complaint's notice).
    const otherUrges = await count('urge_notices', (query) => query.whereNot('collection', 'complaints'));
    expect(keptAfterKill + issuedAfter - otherUrges).toBe(DUE);

    // Notice numbers (催办单号 CB + YYMM + serial): unique, and the month's serials 1…N without a gap (a
    // batch cut before COMMIT gave its serials back).
    const all: string[] = await db('urge_notices').pluck('notice_no');
    const serials = all.map((no) => Number(no.slice(6))).sort((x, y) => x - y);
    expect(new Set(all).size).toBe(all.length);
    expect(serials).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));

    // A further sweep on either instance issues nothing.
    const again = await callEndpoint(adminB, 'POST', '/after-sales/sweep', undefined, b.url);
    expect(again.json.data.urges + again.json.data.warnings).toBe(0);
    expect(await count('urge_notices', urgesOfComplaints)).toBe(DUE);
    writeFileSync(
      path.join(artifacts, 'sweep-kill.json'),
      JSON.stringify({ due: DUE, atKill, keptAfterKill, afterRestart: { a: afterA.json.data, b: afterB.json.data } }, null, 2),
    );
  }, 900_000);
});
