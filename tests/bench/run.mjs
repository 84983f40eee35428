// npm run bench [-- [--quick] [--minutes N] name…]: runs every tests/bench/*.bench.mjs but the soak (or only the named ones),
// prints one table and writes tests/.artifacts/bench.json.
//
// The convention: each file default-exports `async function bench(ctx)` that returns rows
//   { figure, unit, baseline, ours, ratio, target, pass }
// where `baseline` and `ours` are medians measured in the same process on the same data,
// `ratio` = ours / baseline (or whatever the target compares), `target` is a short text such as
// '≤ 1.3×' and `pass` is a boolean (`gate: true` makes a miss fail the run). `ctx` carries { quick, runs, options, log }
// (options: `--minutes N`). Helpers: tests/bench/lib/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTable } from './lib/table.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
// Options with a value (`--minutes 3` or `--minutes=3`) go to ctx.options; the other words name benchmarks.
const VALUED = ['minutes'];
const options = {};
const wanted = [];
for (let i = 0; i < args.length; i++) {
  const [flag, inline] = args[i].replace(/^--/, '').split('=');
  if (args[i].startsWith('--') && VALUED.includes(flag)) options[flag] = inline ?? args[++i];
  else if (!args[i].startsWith('--')) wanted.push(args[i]);
}
// Run only when named (`npm run bench -- soak`): long, and needing PostgreSQL and Redis.
const ON_REQUEST = ['soak'];

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort();
const nameOf = (f) => f.replace(/\.bench\.mjs$/, '');
const selected = wanted.length ? files.filter((f) => wanted.includes(nameOf(f))) : files.filter((f) => !ON_REQUEST.includes(nameOf(f)));
const unknown = wanted.filter((name) => !files.includes(`${name}.bench.mjs`));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')} (have: ${files.map((f) => f.replace(/\.bench\.mjs$/, '')).join(', ')})`);
  process.exit(2);
}

// The servers load the built bundle: build it first if the sources are newer.
if (spawnSync(process.execPath, [path.join(root, 'scripts', 'build-extensions.mjs'), '--if-stale'], { stdio: 'inherit' }).status !== 0)
  process.exit(1);

const ctx = {
  quick,
  // Repetitions per measurement; each figure is the median of these.
  runs: quick ? 3 : 5,
  options,
  log: (message) => console.log(`  ${message}`),
};

const started = Date.now();
const rows = [];
let failed = false;
for (const file of selected) {
  const name = file.replace(/\.bench\.mjs$/, '');
  console.log(`▶ ${name}`);
  const t0 = Date.now();
  try {
    const { default: bench } = await import(pathToFileURL(path.join(here, file)).href);
    for (const row of await bench(ctx)) rows.push({ bench: name, ...row });
  } catch (error) {
    failed = true;
    console.error(`✖ ${name} failed: ${error.stack ?? error}`);
    rows.push({
      bench: name,
      figure: `${name}: failed (${String(error.message ?? error).split('\n')[0]})`,
      unit: '',
      baseline: null,
      ours: null,
      ratio: null,
      target: '',
      pass: false,
    });
  }
  console.log(`  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

console.log(`\n${formatTable(rows)}\n`);
const report = {
  when: new Date().toISOString(),
  quick,
  seconds: Math.round((Date.now() - started) / 1000),
  machine: await machine(),
  command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
  rows,
};
const out = path.join(root, 'tests', '.artifacts', 'bench.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(
  `${rows.filter((r) => r.pass).length} of ${rows.length} figures within target · ${report.seconds} s · ${path.relative(root, out)}`,
);
// A row with `gate: true` (the soak's) that misses its target fails the run, as a failed benchmark does.
const missed = rows.filter((r) => r.gate && !r.pass);
if (missed.length) console.error(`✖ missed: ${missed.map((r) => r.figure).join('; ')}`);
process.exit(failed || missed.length ? 1 : 0);

async function machine() {
  const os = await import('node:os');
  return {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    load: os.loadavg().map((l) => l.toFixed(2)),
  };
}
