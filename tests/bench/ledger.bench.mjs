// The complaint ledger over 10,000 and 100,000 complaints: time from an in-app navigation until
// page 1 is on screen in Chromium, next to Directus's own table layout of `complaints` (content
// module, 25 rows) on the same server and data; plus the API calls behind each. Medians of
// ctx.runs, alternating. Uses the shared helpers of tests/bench/lib (branch `scale`).
// Runs in `npm run bench` (tests/bench/run.mjs) or alone: `node tests/bench/ledger.bench.mjs [--quick]`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bulkInsert, openDatabase, timestamp } from './lib/data.mjs';
import { ADMIN, call, cloneBenchDatabase, prepareBenchDatabase, startBenchServer } from './lib/server.mjs';
import { launchChromium, signIn } from '../helpers/chromium.mjs';
import { STAGE_HOLDERS } from '../../scripts/model/stage-holders.mjs';
import { ratioRow, sideBySide, timeOnce } from './lib/stats.mjs';

const DAY = 86_400_000;
const STAGES = [
  'registered',
  'investigating',
  'tech_analysis',
  'plan_review',
  'negotiating',
  'final_review',
  'closed',
  'closed',
  'submitted',
  'draft',
];
const PAGE_ROWS = 25;

/** `count` complaints in every stage, registered over the last 40 days, 20 % closed, straight into SQLite. */
async function loadComplaints(db, count) {
  const knex = openDatabase(db.env);
  const now = Date.now();
  const at = (ms) => timestamp(db.env, new Date(ms));
  try {
    await bulkInsert(knex, 'complaints', count, (i) => {
      const stage = STAGES[i % STAGES.length];
      const registered = stage === 'draft' || stage === 'submitted' ? null : now - (i % 40) * DAY - (i % 1440) * 60_000;
      return {
        customer_name: `客户${i}`,
        demand: '要求尽快赔付并道歉，并说明延误原因',
        reason: '理赔材料移交延误',
        market_opinion: '属实',
        stage,
        holding_department: STAGE_HOLDERS[stage],
        complaint_no: registered ? `B${String(i).padStart(8, '0')}` : null,
        registered_at: registered ? at(registered) : null,
        due_at: registered ? at(registered + 14 * DAY) : null,
        warn_at: registered ? at(registered + 11 * DAY) : null,
        closed_at: stage === 'closed' ? at(registered + (i % 20) * DAY) : null,
        responsible_department: stage === 'closed' ? ['market', 'operations', 'tech'][i % 3] : null,
        date_created: at(registered ?? now - (i % 40) * DAY),
        involves_other_company: false,
        customer_accepted: stage === 'closed',
        supervisor_reviewed: false,
        administrative_sanction: false,
        archived: false,
      };
    });
  } finally {
    await knex.destroy();
  }
}

/** A dashboard with the ledger alone, so its time is the ledger's and not the other panels'. */
async function ledgerDashboard(server) {
  const dashboard = await call(server, 'POST', '/dashboards', { name: '基准：追踪表', icon: 'table_view' });
  await call(server, 'POST', '/panels', {
    dashboard: dashboard.id,
    type: 'after-sales-complaint-ledger',
    name: '追踪表',
    icon: 'table_view',
    show_header: true,
    position_x: 1,
    position_y: 1,
    width: 60,
    height: 40,
    options: { limit: PAGE_ROWS },
  });
  return dashboard.id;
}

const navigate = (page, route) =>
  page.evaluate((to) => document.querySelector('#app').__vue_app__.config.globalProperties.$router.push(to), route);

/**
 * Milliseconds from an in-app navigation (the app already loaded, as a clerk uses it) until
 * PAGE_ROWS rows of the table matching `selector` are on screen. Each run starts from the
 * project settings, so the table is mounted and its data fetched anew.
 */
async function timeToRows(page, route, selector) {
  // A page without a table (the dashboard list is one).
  await navigate(page, '/settings/project');
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, selector, { timeout: 60_000 });
  return timeOnce(async () => {
    await navigate(page, route);
    await page.waitForFunction(([sel, rows]) => document.querySelectorAll(sel).length >= rows, [selector, PAGE_ROWS], {
      timeout: 120_000,
      polling: 20,
    });
  });
}

async function measure(ctx, base, count) {
  const db = cloneBenchDatabase(base);
  ctx.log(`loading ${count.toLocaleString('en')} complaints`);
  await loadComplaints(db, count);
  // Its own TEMP_PATH: the app's extension bundle must not be shared with other servers on this machine.
  const server = await startBenchServer(db, { extraEnv: { TEMP_PATH: path.join(db.dataDir, 'tmp') } });
  const browser = await launchChromium();
  try {
    const dashboard = await ledgerDashboard(server);
    const page = await browser.newPage({ viewport: { width: 1600, height: 1400 } });
    await signIn(page, server.url, ADMIN, 60_000);
    // One unmeasured visit each warms the browser cache and the server's schema cache alike.
    const table = () => timeToRows(page, '/content/complaints', '.v-table tbody tr.table-row');
    const ledger = () => timeToRows(page, `/insights/${dashboard}`, '.complaint-ledger tbody tr.table-row');
    await table();
    await ledger();
    const screen = await sideBySide(ctx.runs, table, ledger);
    const get = (route) => () => timeOnce(() => call(server, 'GET', route));
    // One API call takes tens of milliseconds: a median of 3 of them jumps with one slow moment of a
    // shared machine, so the API rows alternate five times as many calls as the screen rows.
    const apiRuns = ctx.runs * 5;
    const api = await sideBySide(
      apiRuns,
      get('/items/complaints?limit=25&sort=-date_created&meta=filter_count'),
      get('/after-sales/ledger?limit=25'),
    );
    const byDue = await sideBySide(
      apiRuns,
      get('/items/complaints?limit=25&sort=due_at&meta=filter_count&filter[closed_at][_null]=true'),
      get('/after-sales/ledger?limit=25&sort=time_left'),
    );
    const n = count.toLocaleString('en');
    return [
      ratioRow({
        figure: `ledger page 1 on screen, ${n} complaints (vs Directus table layout)`,
        unit: 'ms',
        baseline: screen.baseline,
        ours: screen.ours,
        limit: 1.5,
      }),
      ratioRow({
        figure: `GET /after-sales/ledger page 1, ${n} (vs GET /items/complaints)`,
        unit: 'ms',
        baseline: api.baseline,
        ours: api.ours,
        limit: 3,
      }),
      ratioRow({
        figure: `ledger sorted by time left, ${n} (vs /items sorted by due_at)`,
        unit: 'ms',
        baseline: byDue.baseline,
        ours: byDue.ours,
        limit: 1,
      }),
    ];
  } finally {
    await browser.close();
    await server.stop();
    db.destroy();
  }
}

export default async function bench(ctx) {
  const base = await prepareBenchDatabase();
  try {
    const rows = [];
    for (const count of ctx.quick ? [10_000] : [10_000, 100_000]) {
      const measured = await measure(ctx, base, count);
      for (const row of measured)
        ctx.log(
          `${row.figure}: ours ${row.ours.toFixed(0)} ${row.unit}, Directus ${row.baseline.toFixed(0)} ${row.unit} (${row.ratio.toFixed(2)}×)`,
        );
      rows.push(...measured);
    }
    return rows;
  } finally {
    base.destroy();
  }
}

// Alone: node tests/bench/ledger.bench.mjs [--quick]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const rows = await bench({ quick, runs: quick ? 3 : 5, log: (message) => console.log(`  ${message}`) });
  for (const row of rows) {
    console.log(
      `${row.pass ? '✓' : '✗'} ${row.figure}: ours ${row.ours.toFixed(0)} ${row.unit}, Directus ${row.baseline.toFixed(0)} ${row.unit}, ratio ${row.ratio.toFixed(2)}× (target ${row.target})`,
    );
  }
}
