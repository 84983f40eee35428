// Complaint registration under load: 50 concurrent clients move submitted complaints to
// 已登记编号 (each gets its number, registration time and deadlines) vs 50 concurrent plain
// creates of complaints on the same Directus without the bundle. Target ≥ 0.7× the plain
// throughput, with no duplicate and no skipped number.
import { complaint } from './lib/fixtures.mjs';
import { load } from './lib/load.mjs';
import { call, cloneBenchDatabase, prepareBenchDatabase, startBenchServer } from './lib/server.mjs';
import { sideBySide } from './lib/stats.mjs';

const CLIENTS = 50;

export default async function bench(ctx) {
  const db = await prepareBenchDatabase();
  const twin = cloneBenchDatabase(db);
  const servers = [];
  try {
    const ours = await startBenchServer(db);
    servers.push(ours);
    const plain = await startBenchServer(twin, { bundle: false });
    servers.push(plain);
    const amount = 300;
    let registered = 0;
    let failures = 0;

    const plainCreates = async () => {
      const result = await load({ url: `${plain.url}/items/complaints`, method: 'POST', token: plain.token, body: (i) => complaint(i, { stage: 'submitted' }), connections: CLIENTS, amount });
      failures += result.non2xx + result.errors;
      return result.perSecond;
    };
    const registrations = async () => {
      // The complaints to register, filed beforehand (not timed) the way 市场部 sends them.
      await load({ url: `${ours.url}/items/complaints`, method: 'POST', token: ours.token, body: (i) => complaint(i, { stage: 'submitted' }), connections: 10, amount });
      const waiting = await call(ours, 'GET', '/items/complaints?filter[stage][_eq]=submitted&fields=id&limit=-1');
      const ids = waiting.map((row) => row.id);
      const result = await load({ url: `${ours.url}/items/complaints/0`, method: 'PATCH', token: ours.token, path: (i) => `/items/complaints/${ids[i]}`, body: { stage: 'registered' }, connections: CLIENTS, amount: ids.length });
      registered += result.ok;
      failures += result.non2xx + result.errors;
      return result.perSecond;
    };
    await plainCreates();
    await registrations();
    const measured = await sideBySide(ctx.runs, plainCreates, registrations);
    ctx.log(`registrations/s per run: ${measured.oursRuns.map((r) => r.toFixed(1)).join(', ')}; plain creates/s: ${measured.baselineRuns.map((r) => r.toFixed(1)).join(', ')}`);

    const numbers = (await call(ours, 'GET', '/items/complaints?filter[complaint_no][_nnull]=true&fields=complaint_no&limit=-1')).map((row) => row.complaint_no);
    const serials = numbers.map((no) => Number(no.slice(4))).sort((a, b) => a - b);
    const duplicates = numbers.length - new Set(numbers).size;
    const gaps = serials.length ? serials[serials.length - 1] - new Set(serials).size : 0;
    ctx.log(`${registered} registrations answered 2xx, ${numbers.length} numbers given, ${failures} failed requests`);

    const ratio = measured.ours / measured.baseline;
    return [
      { figure: `complaint registration, ${CLIENTS} concurrent clients (vs plain creates)`, unit: 'req/s', baseline: measured.baseline, ours: measured.ours, ratio, target: '≥ 0.7×', pass: ratio >= 0.7 },
      {
        figure: `complaint numbers after ${numbers.length} registrations: duplicates + gaps (+ failed requests)`, unit: '', baseline: null, ours: duplicates + gaps + failures, ratio: null, target: '= 0',
        pass: duplicates + gaps + failures === 0 && numbers.length === registered, note: `${duplicates} duplicates, ${gaps} gaps, ${failures} failed requests`,
      },
    ];
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    db.destroy();
    twin.destroy();
  }
}
