import { createItem, readItems } from '@directus/sdk';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { root } from '../../scripts/lib/directus.mjs';
import { asAdmin, type Client } from '../helpers/api';
import { complaintPayload } from '../helpers/fixtures';
import { createTestDatabase } from '../helpers/postgres.mjs';
import { startTestServer, type TestServer } from '../helpers/test-server';

// npm run backup / npm run restore, run as a shell would, with the environment of `npm start`.

const servers: TestServer[] = [];
const drops: (() => void)[] = [];
afterAll(async () => {
  for (const server of servers) await server.destroy();
  for (const drop of drops) drop();
});

/** Runs the script as a child process without blocking this process (its HTTP connections stay served). */
function npm(script: 'backup' | 'restore', env: Record<string, string>, file: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', `${script}.mjs`), file], { cwd: root, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (status) => resolve({ status, output }));
  });
}

const customers = async (admin: Client) =>
  (await admin.request(readItems('complaints', { fields: ['customer_name'], limit: -1 }))).map((c: any) => c.customer_name).sort();

async function roundTrip(server: TestServer, extension: string) {
  let admin = await asAdmin(server.url);
  await admin.request(createItem('complaints', complaintPayload({ customer_name: '备份前甲' })));
  await admin.request(createItem('complaints', complaintPayload({ customer_name: '备份前乙' })));
  const backedUp = await customers(admin);
  const file = path.join(server.dataDir, `backup.${extension}`);

  // Taken while the console runs and serves writes.
  const backup = await npm('backup', server.env, file);
  expect(backup.status, backup.output).toBe(0);
  expect(backup.output).toContain('已备份到');
  expect(existsSync(file)).toBe(true);
  expect((await npm('backup', server.env, file)).output).toContain('已存在，不会覆盖');

  await admin.request(createItem('complaints', complaintPayload({ customer_name: '备份后丙' })));
  const refused = await npm('restore', server.env, file);
  expect(refused.status).not.toBe(0);
  expect(refused.output).toContain('正在运行，请先停止它再恢复');

  await server.stop();
  const restored = await npm('restore', server.env, file);
  expect(restored.status, restored.output).toBe(0);
  expect(restored.output).toContain('已从');
  await server.restart();
  admin = await asAdmin(server.url);
  const after = await customers(admin);
  expect(after).toEqual(backedUp);
  expect(after).not.toContain('备份后丙');
  // The restored console keeps working: numbering, hooks and all.
  const next = await admin.request(createItem('complaints', complaintPayload({ customer_name: '恢复后丁', stage: 'registered' })));
  expect(next.complaint_no).toMatch(/^\d{6,}$/);
  return after.length;
}

test.runIf(process.env['AFTER_SALES_TEST_DB'] !== 'pg')(
  'SQLite: backup while running, restore refused while running, round trip restores exactly the backed-up cases',
  async () => {
    const server = await startTestServer();
    servers.push(server);
    const count = await roundTrip(server, 'db');
    expect(existsSync(path.join(server.dataDir, 'database.db'))).toBe(true);
    console.log(`backup/restore round trip on SQLite: ${count} complaints restored`);
  },
  600_000,
);

// The PostgreSQL pass of the suite (AFTER_SALES_TEST_DB=pg) covers pg_dump / pg_restore.
test.runIf(process.env['AFTER_SALES_TEST_DB'] === 'pg' && Boolean(process.env['AFTER_SALES_TEST_PG']))(
  'PostgreSQL: pg_dump / pg_restore round trip',
  async () => {
    const postgres = createTestDatabase(process.env['AFTER_SALES_TEST_PG']!);
    drops.push(postgres.drop);
    const server = await startTestServer(postgres.env);
    servers.push(server);
    const count = await roundTrip(server, 'pgdump');
    console.log(`backup/restore round trip on PostgreSQL: ${count} complaints restored`);
  },
  600_000,
);
