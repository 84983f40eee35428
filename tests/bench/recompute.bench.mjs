// Recompute after a deadline-rule change (issue 21): an administrator changes the complaint close limit
// (complaint_close, 13 → 20 working days) with 100k open complaints; every open clock is computed again
// after commit and the administrator is told “已按新规则重算 N 件未结案件的时限”. Measured: from the PATCH to
// that notification, and meanwhile the console's other requests (a ledger page of complaints) against the
// same requests on the idle server. AFTER_SALES_BENCH_RECOMPUTE_OPEN sets the number of open complaints
// (e.g. 2000 to try the benchmark quickly).
//
// The console's requests come at a bounded rate, AFTER_SALES_BENCH_RECOMPUTE_RATE per second (10 unless set:
// ten clerks each opening a list every second, more than the five departments' staff do), as in the soak.
// RATE=0 sends them back to back instead, one after the other: then the process spends about as much CPU on
// the console as on the recompute (each ledger request costs Directus tens of milliseconds of schema copy and
// query building), and the recompute's time says how the one thread is shared, not how fast it is.
import { bulkInsert, openComplaintRow, openDatabase } from './lib/data.mjs';
import { call, cloneBenchDatabase, prepareBenchDatabase, startBenchServer } from './lib/server.mjs';
import { median, percentile, timeOnce } from './lib/stats.mjs';

const DAY = 86_400_000;
const OPEN = Number(process.env.AFTER_SALES_BENCH_RECOMPUTE_OPEN ?? 100_000);
const RATE = Number(process.env.AFTER_SALES_BENCH_RECOMPUTE_RATE ?? 10);
const CONSOLE_REQUEST = '/items/complaints?limit=25&sort=due_at&fields=id,complaint_no,stage,due_at,warn_at';

async function loadOpenComplaints(db, open) {
  const knex = openDatabase(db.env);
  const now = Date.now();
  try {
    await bulkInsert(knex, 'complaints', open, (i) => {
      const registered = now - (1 + (i % 10)) * DAY;
      return openComplaintRow(db.env, i, registered, `R${String(i).padStart(8, '0')}`);
    });
  } finally {
    await knex.destroy();
  }
}

/**
 * Console requests until `done()`, RATE per second (a request whose slot comes while another is unanswered
 * still starts: requests pile up if the server falls behind), or one after another when RATE is 0.
 * Returns their latencies (ms).
 */
async function consoleLoad(server, done) {
  const latencies = [];
  if (RATE <= 0) {
    while (!done()) latencies.push(await timeOnce(() => call(server, 'GET', CONSOLE_REQUEST)));
    return latencies;
  }
  const inFlight = [];
  const started = performance.now();
  for (let slot = 0; !done(); slot++) {
    const wait = started + (slot * 1000) / RATE - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(timeOnce(() => call(server, 'GET', CONSOLE_REQUEST)).then((ms) => latencies.push(ms)));
  }
  await Promise.all(inFlight);
  return latencies;
}

async function recomputeOnce(server, rule, limit) {
  const since = new Date().toISOString();
  let finished = false;
  const load = consoleLoad(server, () => finished);
  const started = performance.now();
  await call(server, 'PATCH', `/items/deadline_rules/${rule.id}`, { limit_value: limit });
  let notice = null;
  const filter = encodeURIComponent(
    JSON.stringify({ _and: [{ subject: { _starts_with: '已按新规则重算' } }, { timestamp: { _gte: since } }] }),
  );
  while (!notice) {
    if (performance.now() - started > 600_000) throw new Error('no recompute notification within 10 minutes');
    [notice] = await call(server, 'GET', `/notifications?filter=${filter}&fields=subject&limit=1`);
    if (!notice) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const ms = performance.now() - started;
  finished = true;
  const during = await load;
  const moved = Number(/重算 (\d+) 件/.exec(notice.subject)?.[1] ?? 0);
  if (moved < OPEN) throw new Error(`the recompute moved ${moved} of ${OPEN} open complaints (“${notice.subject}”)`);
  return { ms, during };
}

export default async function bench(ctx) {
  const base = await prepareBenchDatabase();
  const db = cloneBenchDatabase(base);
  try {
    await loadOpenComplaints(db, OPEN);
    const server = await startBenchServer(db);
    try {
      const [rule] = await call(server, 'GET', '/items/deadline_rules?filter[key][_eq]=complaint_close&fields=id,limit_value');
      const original = Number(rule.limit_value);
      // Idle: the same console requests on the same server with nothing else running (after a warm-up).
      await consoleLoad(
        server,
        (() => {
          let n = 0;
          return () => n++ >= 10;
        })(),
      );
      let count = 0;
      const idle = await consoleLoad(server, () => count++ >= 60);
      const times = [];
      const during = [];
      for (let run = 0; run < Math.min(ctx.runs, 3); run++) {
        // Alternating limits, so that every run moves every open clock.
        const result = await recomputeOnce(server, rule, run % 2 === 0 ? original + 7 : original);
        times.push(result.ms);
        during.push(...result.during);
      }
      if (Math.min(ctx.runs, 3) % 2 === 1) await recomputeOnce(server, rule, original);
      const idleP95 = percentile(idle, 95);
      const duringP95 = percentile(during, 95);
      ctx.log(
        `${OPEN.toLocaleString('en-US')} open: recompute ${times.map((t) => t.toFixed(0)).join(' / ')} ms; ` +
          `console (${RATE > 0 ? `${RATE} requests/s` : 'back to back'}) p95 idle ${idleP95.toFixed(1)} ms, ` +
          `during ${duringP95.toFixed(1)} ms (${during.length} requests)`,
      );
      const size = OPEN >= 1000 ? `${OPEN / 1000}k` : String(OPEN);
      return [
        {
          figure: `recompute after a deadline-rule change, ${size} open complaints (PATCH → “已按新规则重算” notice)`,
          unit: 'ms',
          baseline: null,
          ours: median(times),
          ratio: null,
          target: '≤ 5,000 ms',
          pass: median(times) <= 5000,
        },
        {
          figure: `console request p95 while recomputing ${size}, ${RATE > 0 ? `${RATE} requests/s` : 'back to back'} (vs the same requests idle)`,
          unit: 'ms',
          baseline: idleP95,
          ours: duringP95,
          ratio: duringP95 / idleP95,
          target: '≤ 3×',
          pass: duringP95 / idleP95 <= 3,
        },
      ];
    } finally {
      await server.stop();
    }
  } finally {
    db.destroy();
    base.destroy();
  }
}
