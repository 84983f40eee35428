// Letters: renders per second on one core (this process, one thread) of 不予受理通知书 through the
// console's renderer (strict context; the template files stat-ed per letter and read and compiled
// again when they changed, so an edited template prints at once) vs Handlebars rendering the same
// template, compiled once, with the same helpers; target ≥ 500/s. Then the preview endpoint's
// latency vs a plain Directus read of the same report (≤ 1.3×, issue 21).
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { claimReport, createPolicies } from './lib/fixtures.mjs';
import { call, cloneBenchDatabase, onTwinServers, prepareBenchDatabase, startBenchServer } from './lib/server.mjs';
import { median, ratioRow, sideBySide, timeOnce } from './lib/stats.mjs';
import { root } from '../../scripts/lib/directus.mjs';
import { rejection } from '../helpers/letter-contexts.mjs';

const templatesDir = path.join(root, 'templates');
const timeZone = 'Asia/Shanghai';
/** The extension's renderer and helpers, bundled from its TypeScript sources for this process. */
async function loadRenderer() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'after-sales-bench-letters-'));
  const entry = path.join(dir, 'entry.ts');
  const src = path.join(root, 'extensions', 'after-sales', 'src', 'letters');
  writeFileSync(
    entry,
    `export { renderLetter } from ${JSON.stringify(path.join(src, 'render-letter'))};\nexport { registerLetterHelpers } from ${JSON.stringify(path.join(src, 'letter-helpers'))};\nexport { default as Handlebars } from 'handlebars';\n`,
  );
  const out = path.join(dir, 'renderer.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'error',
    nodePaths: [path.join(root, 'node_modules')],
  });
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many calls of `fn` complete per second over `ms`. */
function perSecond(fn, ms) {
  const end = performance.now() + ms;
  let count = 0;
  const start = performance.now();
  while (performance.now() < end) {
    fn();
    count++;
  }
  return count / ((performance.now() - start) / 1000);
}

export default async function bench(ctx) {
  const { renderLetter, registerLetterHelpers, Handlebars } = await loadRenderer();
  const render = () => renderLetter({ template: 'rejection_notice', context: rejection, templatesDir, timeZone });
  const rendered = render().html;
  if (!rendered.includes('王建国')) throw new Error('the letter did not render the insured person');

  // Baseline: the same template and partials compiled once into one environment.
  const hb = Handlebars.create();
  registerLetterHelpers(hb, timeZone);
  const partials = path.join(templatesDir, 'letters', 'partials');
  for (const file of readdirSync(partials))
    hb.registerPartial(path.basename(file, '.hbs'), readFileSync(path.join(partials, file), 'utf8'));
  const compiled = hb.compile(readFileSync(path.join(templatesDir, 'letters', 'rejection_notice.hbs'), 'utf8'));
  const cached = () => compiled(rejection);
  perSecond(cached, 300);
  perSecond(render, 300);
  const renders = await sideBySide(
    ctx.runs,
    async () => perSecond(cached, 1000),
    async () => perSecond(render, 1000),
  );

  // The endpoint: preview of a rejected report vs reading the report from plain Directus.
  const db = await prepareBenchDatabase();
  let twin;
  try {
    // Illness is not covered by the product: the report is refused (不予受理) and gets a notice.
    const setup = await startBenchServer(db);
    const report = await (async () => {
      const policies = await createPolicies(setup, 1);
      return call(setup, 'POST', '/items/claim_reports', claimReport(policies, 0, { incident_cause: 'illness' }));
    })().finally(() => setup.stop());
    if (report.status !== 'not_accepted') throw new Error(`expected a refused report, got ${report.status}`);
    twin = cloneBenchDatabase(db);
    return await onTwinServers(db, twin, async (ours, plain) => {
      const preview = () =>
        call(ours, 'GET', `/after-sales/letters/preview?template=rejection_notice&collection=claim_reports&item=${report.id}`);
      const read = () => call(plain, 'GET', `/items/claim_reports/${report.id}`);
      const samples = ctx.quick ? 20 : 40;
      const series = async (fn) => {
        const times = [];
        for (let i = 0; i < samples; i++) times.push(await timeOnce(fn));
        return median(times);
      };
      await series(read);
      await series(preview);
      const latency = await sideBySide(
        ctx.runs,
        () => series(read),
        () => series(preview),
      );
      return [
        {
          figure: 'letter rendering on one core (vs the same template compiled once)',
          unit: '/s',
          baseline: renders.baseline,
          ours: renders.ours,
          ratio: renders.ours / renders.baseline,
          target: '≥ 500/s',
          pass: renders.ours >= 500,
        },
        ratioRow({
          figure: 'letter preview endpoint latency (vs plain read of the report)',
          unit: 'ms',
          baseline: latency.baseline,
          ours: latency.ours,
          limit: 1.3,
        }),
      ];
    });
  } finally {
    db.destroy();
    twin?.destroy();
  }
}
