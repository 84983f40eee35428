// Resident memory of the server with the bundle vs the same Directus on the same data without it
// (target ≤ +30 MB). Both servers get the same warm-up traffic, then RSS is sampled.
import { call, cloneBenchDatabase, prepareBenchDatabase, startBenchServer } from './lib/server.mjs';
import { sampleRss } from './lib/rss.mjs';
import { median } from './lib/stats.mjs';

const LIMIT_MB = 30;

export default async function bench(ctx) {
  const db = await prepareBenchDatabase();
  const twin = cloneBenchDatabase(db);
  const deltas = [];
  const pairs = [];
  try {
    // A fresh pair of processes per run: RSS varies from start to start.
    for (let run = 0; run < ctx.runs; run++) {
      const plain = await startBenchServer(twin, { bundle: false });
      const ours = await startBenchServer(db);
      try {
        for (const server of [plain, ours]) {
          for (let i = 0; i < 20; i++) {
            await call(server, 'GET', '/items/claim_reports?limit=25');
            await call(server, 'GET', '/items/complaints?limit=25');
            await call(server, 'GET', '/server/info');
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const [a, b] = await Promise.all([sampleRss(plain.pid, { forMs: 2000 }), sampleRss(ours.pid, { forMs: 2000 })]);
        pairs.push({ plain: median(a), ours: median(b) });
        deltas.push(median(b) - median(a));
        ctx.log(`run ${run + 1}: plain ${median(a).toFixed(0)} MB, ours ${median(b).toFixed(0)} MB`);
      } finally {
        await Promise.all([plain.stop(), ours.stop()]);
      }
    }
  } finally {
    db.destroy();
    twin.destroy();
  }
  const baseline = median(pairs.map((p) => p.plain));
  const ours = median(pairs.map((p) => p.ours));
  const delta = median(deltas);
  return [
    {
      figure: 'server resident memory (RSS), idle after warm-up',
      unit: 'MB',
      baseline,
      ours,
      ratio: ours / baseline,
      target: `≤ +${LIMIT_MB} MB`,
      pass: delta <= LIMIT_MB,
      note: `median difference +${delta.toFixed(1)} MB`,
    },
  ];
}
