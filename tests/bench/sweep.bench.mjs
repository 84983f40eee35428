// The deadline sweep (POST /after-sales/sweep) over 10k and 100k open complaints with 1 % past
// their warning point (half of them overdue), plus 100k with 0.1 % due to show that the cost grows
// with the due cases, not with all open ones. Baseline: the same Directus without the bundle
// reading the same due cases (GET with the sweep's filter). Each run starts from no notices issued.
import { bulkInsert, openComplaintRow, openDatabase } from './lib/data.mjs';
import { call, cloneBenchDatabase, onTwinServers, prepareBenchDatabase } from './lib/server.mjs';
import { median, timeOnce } from './lib/stats.mjs';

const DAY = 86_400_000;

async function loadCases(db, open, due) {
  const knex = openDatabase(db.env);
  const now = Date.now();
  const every = Math.round(open / due);
  try {
    await bulkInsert(knex, 'complaints', open, (i) => {
      const isDue = i % every === 0;
      const overdue = isDue && (i / every) % 2 === 0;
      const registered = now - (isDue ? (overdue ? 20 : 12) : 2) * DAY;
      return openComplaintRow(db.env, i, registered, `B${String(i).padStart(8, '0')}`);
    });
  } finally {
    await knex.destroy();
  }
}

/** Forgets the notices of the previous run, so each timed sweep issues them all again. */
async function forgetNotices(env) {
  const knex = openDatabase(env);
  try {
    await knex('deadline_events').whereIn('kind', ['warning', 'urge', 'inquiry', 'calendar_gap']).delete();
    await knex('urge_notices').delete();
    await knex('directus_notifications').delete();
  } finally {
    await knex.destroy();
  }
}

async function measure(ctx, base, open, due) {
  const db = cloneBenchDatabase(base);
  await loadCases(db, open, due);
  const twin = cloneBenchDatabase(db);
  try {
    return await onTwinServers(db, twin, async (ours, plain) => {
      const filter = encodeURIComponent(
        JSON.stringify({
          _and: [{ warn_at: { _lte: new Date().toISOString() } }, { closed_at: { _null: true } }, { stage: { _neq: 'closed' } }],
        }),
      );
      const reads = [];
      const firsts = [];
      const repeats = [];
      let issued = 0;
      // A first sweep over 100k issues 1,000 notices (tens of seconds): three runs are enough for a median.
      for (let run = 0; run < Math.min(ctx.runs, 3); run++) {
        reads.push(
          await timeOnce(async () => {
            const rows = await call(plain, 'GET', `/items/complaints?filter=${filter}&fields=*&limit=-1`);
            if (rows.length !== due) throw new Error(`expected ${due} due complaints, read ${rows.length}`);
          }),
        );
        await forgetNotices(db.env);
        firsts.push(
          await timeOnce(async () => {
            const result = await call(ours, 'POST', '/after-sales/sweep');
            issued = result.warnings + result.urges;
          }),
        );
        repeats.push(await timeOnce(() => call(ours, 'POST', '/after-sales/sweep')));
      }
      // One more when last month's statistics are late (the GM Office is urged for them too).
      if (issued < due || issued > due + 1) throw new Error(`the sweep issued ${issued} notices for ${due} due complaints`);
      ctx.log(
        `${open.toLocaleString('en-US')} open / ${due} due: read ${median(reads).toFixed(0)} ms, sweep ${median(firsts).toFixed(0)} ms, repeat ${median(repeats).toFixed(0)} ms`,
      );
      return { read: median(reads), first: median(firsts), repeat: median(repeats) };
    });
  } finally {
    db.destroy();
    twin.destroy();
  }
}

export default async function bench(ctx) {
  const base = await prepareBenchDatabase();
  try {
    const small = await measure(ctx, base, 10_000, 100);
    const large = await measure(ctx, base, 100_000, 1_000);
    const largeFewDue = await measure(ctx, base, 100_000, 100);
    const vsRead = (figure, m, ms, extra = {}) => ({
      figure,
      unit: 'ms',
      baseline: m.read,
      ours: ms,
      ratio: ms / m.read,
      target: '—',
      pass: true,
      ...extra,
    });
    return [
      vsRead('sweep, 10k open / 100 due, issuing 100 notices (vs plain read of the due cases)', small, small.first),
      vsRead('first sweep, 100k open / 1,000 due, issuing 1,000 notices (vs plain read of the due cases)', large, large.first, {
        target: '≤ 5×',
        pass: large.first / large.read <= 5,
        note: `${(large.first / 1000).toFixed(1)} ms per notice (ledger keys inserted 200 at a time, ON CONFLICT DO NOTHING)`,
      }),
      vsRead('sweep, 100k open / 1,000 due, steady state: all told already (vs plain read)', large, large.repeat, {
        target: '≤ 1,000 ms',
        pass: large.repeat <= 1000,
      }),
      // Growth is read off the steady-state sweep: the scan itself, without the notices' writes.
      {
        figure: 'growth with open cases: steady sweep, 100k vs 10k open, 100 due each',
        unit: 'ms',
        baseline: small.repeat,
        ours: largeFewDue.repeat,
        ratio: largeFewDue.repeat / small.repeat,
        target: '≤ 1.5×',
        pass: largeFewDue.repeat / small.repeat <= 1.5,
      },
      {
        figure: 'growth with due cases: steady sweep, 1,000 vs 100 due, 100k open',
        unit: 'ms',
        baseline: largeFewDue.repeat,
        ours: large.repeat,
        ratio: large.repeat / largeFewDue.repeat,
        target: '~10× (linear)',
        pass: true,
      },
    ];
  } finally {
    base.destroy();
  }
}
