// Complaint registration under load: 50 concurrent clients register submitted complaints through
// the 办理 endpoint (POST /after-sales/complaints/:id/moves {to: registered}: judged, numbered,
// clocked and logged in one transaction) vs 50 concurrent plain creates of complaints on the same
// Directus without the bundle. Target ≥ 1.0× the plain throughput, with no duplicate and no
// skipped number. On SQLite (the one-office default) always;
// on PostgreSQL too when AFTER_SALES_TEST_PG names a server (the group deployment, where 50
// concurrent clients are at home).
import { createTestDatabase } from '../helpers/postgres.mjs';
import { complaint } from './lib/fixtures.mjs';
import { load } from './lib/load.mjs';
import { call, cloneBenchDatabase, onTwinServers, prepareBenchDatabase } from './lib/server.mjs';
import { sideBySide } from './lib/stats.mjs';

const CLIENTS = 50;
const AMOUNT = 300;

async function registrationsVsCreates(ctx, ours, plain, where) {
  let registered = 0;
  let failures = 0;
  const plainCreates = async () => {
    const result = await load({
      url: `${plain.url}/items/complaints`,
      method: 'POST',
      token: plain.token,
      body: (i) => complaint(i, { stage: 'submitted' }),
      connections: CLIENTS,
      amount: AMOUNT,
    });
    failures += result.non2xx + result.errors;
    return result.perSecond;
  };
  const registrations = async () => {
    // The complaints to register, filed beforehand (not timed) the way 市场部 sends them.
    await load({
      url: `${ours.url}/items/complaints`,
      method: 'POST',
      token: ours.token,
      body: (i) => complaint(i, { stage: 'submitted' }),
      connections: 10,
      amount: AMOUNT,
    });
    const waiting = await call(ours, 'GET', '/items/complaints?filter[stage][_eq]=submitted&fields=id&limit=-1');
    const ids = waiting.map((row) => row.id);
    const result = await load({
      url: `${ours.url}/after-sales/complaints/0/moves`,
      method: 'POST',
      token: ours.token,
      path: (i) => `/after-sales/complaints/${ids[i]}/moves`,
      body: { to: 'registered' },
      connections: CLIENTS,
      amount: ids.length,
    });
    registered += result.ok;
    failures += result.non2xx + result.errors;
    return result.perSecond;
  };
  await plainCreates();
  await registrations();
  const measured = await sideBySide(ctx.runs, plainCreates, registrations);
  ctx.log(
    `${where}: registrations/s per run: ${measured.oursRuns.map((r) => r.toFixed(1)).join(', ')}; plain creates/s: ${measured.baselineRuns.map((r) => r.toFixed(1)).join(', ')}`,
  );

  const numbers = (await call(ours, 'GET', '/items/complaints?filter[complaint_no][_nnull]=true&fields=complaint_no&limit=-1')).map(
    (row) => row.complaint_no,
  );
  const serials = numbers.map((no) => Number(no.slice(4))).sort((a, b) => a - b);
  const duplicates = numbers.length - new Set(numbers).size;
  const gaps = serials.length ? serials[serials.length - 1] - new Set(serials).size : 0;
  ctx.log(`${where}: ${registered} registrations answered 2xx, ${numbers.length} numbers given, ${failures} failed requests`);

  const ratio = measured.ours / measured.baseline;
  const on = where === 'SQLite' ? '' : `, ${where}`;
  return [
    {
      figure: `complaint registration, ${CLIENTS} concurrent clients (vs plain creates)${on}`,
      unit: 'req/s',
      baseline: measured.baseline,
      ours: measured.ours,
      ratio,
      target: '≥ 1.0×',
      pass: ratio >= 1.0,
    },
    {
      figure: `complaint numbers after ${numbers.length} registrations: duplicates + gaps (+ failed requests)${on}`,
      unit: '',
      baseline: null,
      ours: duplicates + gaps + failures,
      ratio: null,
      target: '= 0',
      pass: duplicates + gaps + failures === 0 && numbers.length === registered,
      note: `${duplicates} duplicates, ${gaps} gaps, ${failures} failed requests`,
    },
  ];
}

/** Ours and the plain twin on byte copies of one prepared SQLite database. */
async function onSqlite(ctx) {
  const db = await prepareBenchDatabase();
  const twin = cloneBenchDatabase(db);
  try {
    return await onTwinServers(db, twin, (ours, plain) => registrationsVsCreates(ctx, ours, plain, 'SQLite'));
  } finally {
    db.destroy();
    twin.destroy();
  }
}

/** The same on two fresh PostgreSQL databases (a byte copy is SQLite's; each is prepared the same way). */
async function onPostgres(ctx, adminUrl) {
  const databases = [createTestDatabase(adminUrl, 'after_sales_bench'), createTestDatabase(adminUrl, 'after_sales_bench')];
  const prepared = [];
  try {
    for (const database of databases) prepared.push(await prepareBenchDatabase(database.env));
    return await onTwinServers(prepared[0], prepared[1], (ours, plain) => registrationsVsCreates(ctx, ours, plain, 'PostgreSQL'));
  } finally {
    for (const db of prepared) db.destroy();
    for (const database of databases) database.drop();
  }
}

export default async function bench(ctx) {
  const rows = await onSqlite(ctx);
  const adminUrl = process.env.AFTER_SALES_TEST_PG;
  if (adminUrl) rows.push(...(await onPostgres(ctx, adminUrl)));
  else ctx.log('PostgreSQL: skipped (set AFTER_SALES_TEST_PG to a server URL, as .ci/run does, to measure it too)');
  return rows;
}
