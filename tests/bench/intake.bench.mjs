// Intake: creating a claim report through every hook of the console (number, lookup, duplicate
// and eligibility review, clocks, major-case check) vs the same Directus creating the same payload
// in the same collection without the bundle. Sequential creates, one client; target ≤ 1.3×.
import { claimReport, createPolicies } from './lib/fixtures.mjs';
import { call, cloneBenchDatabase, prepareBenchDatabase, startBenchServer } from './lib/server.mjs';
import { median, ratioRow, sideBySide, timeOnce } from './lib/stats.mjs';

const POLICIES = 10;

export default async function bench(ctx) {
  const db = await prepareBenchDatabase();
  let twin;
  const servers = [];
  try {
    const setup = await startBenchServer(db);
    const policies = await createPolicies(setup, POLICIES);
    await setup.stop();
    twin = cloneBenchDatabase(db);
    const ours = await startBenchServer(db);
    servers.push(ours);
    const plain = await startBenchServer(twin, { bundle: false });
    servers.push(plain);

    const batch = 30;
    // Both servers get the same payloads in the same order.
    const next = new Map([[ours, 0], [plain, 0]]);
    const createBatch = async (server, size) => {
      const times = [];
      for (let k = 0; k < size; k++) {
        const i = next.get(server);
        next.set(server, i + 1);
        times.push(await timeOnce(() => call(server, 'POST', '/items/claim_reports', claimReport(policies, i))));
      }
      return median(times);
    };
    await createBatch(plain, 10);
    await createBatch(ours, 10);
    const { baseline, ours: mine, oursRuns } = await sideBySide(ctx.runs, () => createBatch(plain, batch), () => createBatch(ours, batch));
    ctx.log(`ours per run: ${oursRuns.map((ms) => ms.toFixed(1)).join(', ')} ms`);

    const made = await call(ours, 'GET', '/items/claim_reports?aggregate[count]=id&filter[status][_eq]=registered');
    ctx.log(`${made[0].count.id} reports registered with every hook (none refused)`);
    return [ratioRow({ figure: 'intake: create a claim report (median latency, 1 client)', unit: 'ms', baseline, ours: mine, limit: 1.3 })];
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    db.destroy();
    twin?.destroy();
  }
}
