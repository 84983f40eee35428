// Intake: creating a claim report through every hook of the console (number, lookup, duplicate
// and eligibility review, clocks, major-case check) vs the same Directus creating the same payload
// in the same collection without the bundle. Sequential creates, one client; target ≤ 1.1× (issue 21).
import { claimReport, createPolicies } from './lib/fixtures.mjs';
import { call, cloneBenchDatabase, onTwinServers, prepareBenchDatabase, startBenchServer } from './lib/server.mjs';
import { median, ratioRow, timeOnce } from './lib/stats.mjs';

const POLICIES = 10;

export default async function bench(ctx) {
  const db = await prepareBenchDatabase();
  let twin;
  try {
    const setup = await startBenchServer(db);
    const policies = await createPolicies(setup, POLICIES).finally(() => setup.stop());
    twin = cloneBenchDatabase(db);
    return await onTwinServers(db, twin, async (ours, plain) => {
      const batch = 30;
      // Both servers get the same payloads in the same order, one create each in turn, so that a
      // slow moment of the machine falls on both sides instead of on one run of one side.
      let i = 0;
      const createPairs = async (size) => {
        const times = { plain: [], ours: [] };
        for (let k = 0; k < size; k++, i++) {
          times.plain.push(await timeOnce(() => call(plain, 'POST', '/items/claim_reports', claimReport(policies, i))));
          times.ours.push(await timeOnce(() => call(ours, 'POST', '/items/claim_reports', claimReport(policies, i))));
        }
        return times;
      };
      await createPairs(10); // warm-up
      const runs = [];
      for (let run = 0; run < ctx.runs; run++) runs.push(await createPairs(batch));
      // The median of every create of every run (a median of three run medians jumps with one slow run).
      const baseline = median(runs.flatMap((run) => run.plain));
      const mine = median(runs.flatMap((run) => run.ours));
      ctx.log(
        `run medians (plain / ours): ${runs.map((run) => `${median(run.plain).toFixed(1)} / ${median(run.ours).toFixed(1)}`).join(', ')} ms`,
      );

      const made = await call(ours, 'GET', '/items/claim_reports?aggregate[count]=id&filter[status][_eq]=registered');
      ctx.log(`${made[0].count.id} reports registered with every hook (none refused)`);
      return [
        ratioRow({ figure: 'intake: create a claim report (median latency, 1 client)', unit: 'ms', baseline, ours: mine, limit: 1.1 }),
      ];
    });
  } finally {
    db.destroy();
    twin?.destroy();
  }
}
