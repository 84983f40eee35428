// Notices and mail (issue 21): with no mail transport configured (the default of `npm start` and the
// tests), a sweep's notices stay in the console and nothing logs a failed delivery; with SMTP
// configured and a mail server that refuses, the sweep takes about as long as without mail (mail goes
// out after commit, not awaited, a few at a time), each failed mail is logged once as a warning naming
// the notice, and no notice is lost or doubled. A server of its own on SQLite (its log is read), so the
// PostgreSQL pass of the suite skips it rather than repeat it.
import knexFactory from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { prepareDatabase, startServer, stopServer } from '../../scripts/lib/directus.mjs';
import { freePort } from '../../scripts/lib/free-port.mjs';
import { bulkInsert, openComplaintRow } from '../bench/lib/data.mjs';
import { asAdmin, callEndpoint, createStaffUser, type StaffUser } from '../helpers/api';
import { scratchEnv } from '../helpers/scratch-env.mjs';

/** Overdue complaints per part: each owes one 催办单 to 运营部. */
const DUE = 100;
/** How long the refusing mail server waits before it answers 554: mail awaited in the sweep would add DUE × this. */
const REFUSE_AFTER_MS = 500;
const DAY = 86_400_000;
const onSqlitePass = process.env['AFTER_SALES_TEST_DB'] !== 'pg';

type Server = Awaited<ReturnType<typeof startServer>>;
let dataDir: string;
let env: Record<string, string>;
let server: Server | null = null;
let log = '';
let sink: net.Server | null = null;
let sinkConnections = 0;
const database = () => knexFactory({ client: 'sqlite3', connection: { filename: env['DB_FILENAME']! }, useNullAsDefault: true });

beforeAll(async () => {
  if (!onSqlitePass) return;
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'after-sales-mail-'));
  const port = String(await freePort());
  env = scratchEnv(dataDir, { PORT: port, PUBLIC_URL: `http://127.0.0.1:${port}` });
  // The default: whatever mail settings this shell has are not this test's.
  for (const key of Object.keys(env)) if (key.startsWith('EMAIL_')) delete env[key];
  await prepareDatabase(env, { quiet: true });
}, 300_000);

afterAll(async () => {
  if (server) await stopServer(server.child);
  sink?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Adds DUE complaints overdue for 6 days (numbers `prefix`00000…) while no server runs. */
async function addOverdue(prefix: string): Promise<void> {
  const knex = database();
  try {
    const now = Date.now();
    await bulkInsert(knex, 'complaints', DUE, (i: number) =>
      openComplaintRow(env, i, now - 20 * DAY, `${prefix}${String(i).padStart(5, '0')}`),
    );
  } finally {
    await knex.destroy();
  }
}

/** Starts the server with `extraEnv`; everything it prints is kept in `log`. */
async function start(extraEnv: Record<string, string> = {}): Promise<string> {
  server = await startServer({ ...env, ...extraEnv }, { quiet: true });
  log = server.output();
  server.child.stdout?.on('data', (chunk) => (log += chunk));
  server.child.stderr?.on('data', (chunk) => (log += chunk));
  return server.url;
}

async function stop(): Promise<void> {
  if (server) await stopServer(server.child);
  server = null;
}

/** Runs the sweep as the administrator; returns its answer and how long it took. */
async function sweep(url: string): Promise<{ urges: number; ms: number }> {
  const admin = await asAdmin(url);
  const startedAt = Date.now();
  const answer = await callEndpoint(admin, 'POST', '/after-sales/sweep', undefined, url);
  const ms = Date.now() - startedAt;
  expect(answer.status).toBe(200);
  return { urges: answer.json.data.urges, ms };
}

/** Per complaint of `prefix`: its 催办单 numbers, and how many notifications each clerk got about it. */
async function noticesOf(prefix: string, clerks: StaffUser[]): Promise<{ numbers: string[][]; told: number[][] }> {
  const knex = database();
  try {
    const ids: number[] = (await knex('complaints').where('complaint_no', 'like', `${prefix}%`).orderBy('id').pluck('id')).map(Number);
    const urges = await knex('urge_notices').where('collection', 'complaints').select('item', 'notice_no');
    const notifications = await knex('directus_notifications').where('collection', 'complaints').select('item', 'recipient');
    return {
      numbers: ids.map((id) => urges.filter((urge: any) => String(urge.item) === String(id)).map((urge: any) => urge.notice_no)),
      told: ids.map((id) =>
        clerks.map((clerk) => notifications.filter((n: any) => String(n.item) === String(id) && n.recipient === clerk.id).length),
      ),
    };
  } finally {
    await knex.destroy();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let withoutMailMs = 0;
let clerks: StaffUser[] = [];

test.runIf(onSqlitePass)('no mail transport configured: the notices stay in the console and nothing logs a failed delivery', async () => {
  await addOverdue('MAILA');
  const url = await start();
  // Two 运营部 clerks with e-mail addresses and notification mails on (Directus's default).
  clerks = await Promise.all([createStaffUser('运营部', [], url), createStaffUser('运营部', [], url)]);
  const result = await sweep(url);
  withoutMailMs = result.ms;
  await sleep(2000);
  const { numbers, told } = await noticesOf('MAILA', clerks);
  expect(numbers.every((n) => n.length === 1)).toBe(true);
  expect(told.every((perClerk) => perClerk.every((n) => n === 1))).toBe(true);
  expect(log).not.toMatch(/ENOENT|sendmail|not mailed|Could not send notification/i);
  expect(log.split('\n').filter((line) => /ERROR/.test(line))).toEqual([]);
  console.info(`[mail] without mail: sweep issuing ${result.urges} urge notices took ${result.ms} ms`);
  await stop();
});

test.runIf(onSqlitePass)(
  'SMTP configured, the mail server refuses: the sweep is not slowed, each failed mail is one warning naming its notice, nothing lost or doubled',
  async () => {
    expect(clerks, 'the first test ran').toHaveLength(2);
    // A mail server that takes every connection, waits, answers 554 and hangs up.
    sink = net.createServer((socket) => {
      sinkConnections++;
      socket.on('error', () => undefined);
      setTimeout(() => socket.end('554 5.7.1 no mail service here\r\n'), REFUSE_AFTER_MS);
    });
    const sinkPort = await new Promise<number>((resolve) =>
      sink!.listen(0, '127.0.0.1', () => resolve((sink!.address() as net.AddressInfo).port)),
    );
    await addOverdue('MAILB');
    const url = await start({
      EMAIL_TRANSPORT: 'smtp',
      EMAIL_SMTP_HOST: '127.0.0.1',
      EMAIL_SMTP_PORT: String(sinkPort),
      EMAIL_FROM: 'console@example.com',
    });
    const result = await sweep(url);
    console.info(
      `[mail] refusing SMTP: sweep issuing ${result.urges} urge notices took ${result.ms} ms (without mail: ${withoutMailMs} ms)`,
    );
    // Mail awaited in the sweep would add DUE × REFUSE_AFTER_MS (50 s); sent after commit it adds nothing.
    expect(result.ms).toBeLessThan(2 * withoutMailMs + 5000);

    const { numbers, told } = await noticesOf('MAILB', clerks);
    expect(numbers.every((n) => n.length === 1)).toBe(true);
    expect(told.every((perClerk) => perClerk.every((n) => n === 1))).toBe(true);
    // Each notice is one mail (both clerks in Bcc), refused: one warning each, naming the 催办单's number.
    const warned = (no: string) => log.split('\n').filter((line) => line.includes(`notice 催办单 ${no} not mailed`));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline && !numbers.every(([no]) => warned(no!).length > 0)) await sleep(500);
    await sleep(1000);
    const lines = numbers.map(([no]) => warned(no!));
    expect(lines.filter((found) => found.length !== 1)).toEqual([]);
    expect(lines.every(([line]) => /WARN/.test(line!) && /2 recipient/.test(line!))).toBe(true);
    expect(sinkConnections).toBeGreaterThanOrEqual(DUE);
    expect(log).not.toMatch(/Could not send notification/);
    console.info(`[mail] ${lines.length} warnings, one per notice; the mail server saw ${sinkConnections} connections`);
    await stop();
  },
  180_000,
);
