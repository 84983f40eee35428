// Staff sign-in → 售后工作台 first render, cold, in Chromium: a 运营部 clerk signs in on a new browser context
// (no cache, no storage) and lands on the workbench (the start page the console gives staff); timed from the click
// on 登录 until the first work entry is on screen. Baseline: the same clerk, signing in the same way on the same
// server, sent by the sign-in link to Directus's own content page of `complaints` (/admin/content/complaints),
// timed until its first table row is on screen. Both queues hold the same 40 open complaints. Medians of
// alternating runs; target ≤ 1.0×. The requests each side sends after the click are logged (what to look at
// when it misses: the app bundle, requests at mount).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../helpers/chromium.mjs';
import { bulkInsert, openComplaintRow, openDatabase } from './lib/data.mjs';
import { adminToken, call, prepareBenchDatabase, startBenchServer } from './lib/server.mjs';
import { ratioRow, sideBySide } from './lib/stats.mjs';

const OPEN_COMPLAINTS = 40;
const DAY = 86_400_000;
const STAFF = { email: 'bench-ops@staff.example.com', password: 'Staff@12345' };

async function loadQueue(db) {
  const knex = openDatabase(db.env);
  try {
    const now = Date.now();
    // Registered 1–12 days ago: due in 2–13 days, some past their warning point.
    await bulkInsert(knex, 'complaints', OPEN_COMPLAINTS, (i) =>
      openComplaintRow(db.env, i, now - (1 + (i % 12)) * DAY, `WB${String(i).padStart(6, '0')}`),
    );
  } finally {
    await knex.destroy();
  }
}

/**
 * One cold sign-in: a new browser context opens `start` (the sign-in page, or a page that sends there first),
 * the clerk types the credentials, and the time runs from the click until `ready` (a selector) is on screen.
 * Returns { ms, requests: the paths requested after the click, bytes: what they weighed }.
 */
async function coldSignIn(browser, url, start, ready) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.goto(`${url}${start}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.waitForSelector('input[type=email]', { timeout: 120_000 });
    await page.fill('input[type=email]', STAFF.email);
    await page.fill('input[type=password]', STAFF.password);
    const requests = [];
    let counting = false;
    page.on('requestfinished', async (request) => {
      if (!counting) return;
      const sizes = await request.sizes().catch(() => ({ responseBodySize: 0 }));
      const { pathname, search } = new URL(request.url());
      requests.push({ path: `${pathname}${search.length > 60 ? `${search.slice(0, 60)}…` : search}`, bytes: sizes.responseBodySize });
    });
    counting = true;
    const t0 = performance.now();
    await page.click('button[type=submit]');
    await page.waitForSelector(ready, { timeout: 120_000 });
    const ms = performance.now() - t0;
    counting = false;
    return { ms, requests, bytes: requests.reduce((sum, r) => sum + r.bytes, 0), url: page.url() };
  } finally {
    await context.close();
  }
}

export default async function bench(ctx) {
  const db = await prepareBenchDatabase();
  await loadQueue(db);
  // Its own TEMP_PATH (scratchEnv): the app's extension bundle is this server's.
  const server = await startBenchServer(db, { extraEnv: { TEMP_PATH: path.join(db.dataDir, 'tmp') } });
  const browser = await launchChromium();
  try {
    const [role] = await call(server, 'GET', `/roles?filter[name][_eq]=${encodeURIComponent('运营部')}&fields=id`);
    await call(server, 'POST', '/users', { ...STAFF, first_name: '运营部', last_name: '基准', role: role.id });
    await adminToken(server.url, STAFF);

    const workbench = () => coldSignIn(browser, server.url, '/admin/login', '.work-entry');
    // Directus sends a signed-out visitor of a page to the sign-in form and, signed in, back to that page.
    const content = () => coldSignIn(browser, server.url, '/admin/content/complaints', '.v-table tbody tr.table-row');
    const last = {};
    const timed = (side, fn) => async () => {
      last[side] = await fn();
      ctx.log(`${side}: ${last[side].ms.toFixed(0)} ms, ${last[side].requests.length} requests after the click`);
      return last[side].ms;
    };
    // One unmeasured pass each: the server's schema and permission caches warm, as on a server in use.
    const first = [await content(), await workbench()];
    if (!first[0].url.includes('/content/complaints')) throw new Error(`the sign-in link led to ${first[0].url}, not the content page`);
    if (!first[1].url.includes('/after-sales-workbench')) throw new Error(`the clerk landed on ${first[1].url}, not the workbench`);
    const runs = Math.max(5, ctx.runs * 2);
    const measured = await sideBySide(runs, timed('content', content), timed('workbench', workbench));
    ctx.log(`workbench ms: ${measured.oursRuns.map((x) => x.toFixed(0)).join(', ')}`);
    ctx.log(`content page ms: ${measured.baselineRuns.map((x) => x.toFixed(0)).join(', ')}`);
    for (const side of ['content', 'workbench']) {
      const { requests, bytes } = last[side];
      ctx.log(`${side}: ${requests.length} requests after the click, ${(bytes / 1024).toFixed(0)} KiB`);
      for (const r of requests) ctx.log(`  ${r.path} ${(r.bytes / 1024).toFixed(1)} KiB`);
    }
    return [
      ratioRow({
        figure: 'staff sign-in → 工作台 first render, cold, Chromium (vs Directus content page)',
        unit: 'ms',
        baseline: measured.baseline,
        ours: measured.ours,
        limit: 1.0,
      }),
    ];
  } finally {
    await browser.close();
    await server.stop();
    db.destroy();
  }
}

// Alone: node tests/bench/workbench.bench.mjs [--quick]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const rows = await bench({ quick, runs: quick ? 3 : 5, log: (message) => console.log(`  ${message}`) });
  for (const row of rows) {
    const figures = `ours ${row.ours.toFixed(0)} ms, Directus ${row.baseline.toFixed(0)} ms (${row.ratio.toFixed(2)}×)`;
    console.log(`${row.pass ? '✓' : '✗'} ${row.figure}: ${figures}`);
  }
}
