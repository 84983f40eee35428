// Medians and repeated timing for the benchmarks.

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values, p) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Milliseconds one call of `fn` takes. */
export async function timeOnce(fn) {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Runs `baseline` and `ours` alternately `runs` times (so drift on a shared machine hits both
 * alike) and returns the median of each: what each call of `measure` returns (e.g. ms or ops/s).
 */
export async function sideBySide(runs, baseline, ours) {
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    a.push(await baseline(i));
    b.push(await ours(i));
  }
  return { baseline: median(a), ours: median(b), baselineRuns: a, oursRuns: b };
}

/** A bench row; `better` says whether a lower ratio ('lower') or a higher one ('higher') is good. */
export function ratioRow({ figure, unit, baseline, ours, limit, better = 'lower', note }) {
  const ratio = ours / baseline;
  const pass = better === 'lower' ? ratio <= limit : ratio >= limit;
  return { figure, unit, baseline, ours, ratio, target: `${better === 'lower' ? '≤' : '≥'} ${limit}×`, pass, ...(note ? { note } : {}) };
}
