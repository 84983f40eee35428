// npm test: build the bundle if stale, type-check, lint (ESLint + Prettier, as `npm run lint`), then every vitest project (unit, integration
// against a real Directus, browser in Debian's Chromium); then the integration suite on PostgreSQL
// and the two-instance test on PostgreSQL + Redis when those are given, and the fault tests where PostgreSQL's and
// Redis's programs are installed. Ends with one plain summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { privateServicesAvailable } from '../tests/helpers/private-services.mjs';
import { root } from './lib/directus.mjs';

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

if (run(process.execPath, [path.join(root, 'scripts', 'build-extensions.mjs'), '--if-stale']) !== 0) process.exit(1);
if (run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) !== 0) {
  console.error('type check failed');
  process.exit(1);
}

if (run(bin('eslint'), ['.']) !== 0 || run(bin('prettier'), ['--check', '--log-level', 'warn', '.']) !== 0) {
  console.error('lint failed: `npm run format` fixes the layout; the rest ESLint names');
  process.exit(1);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
// The names of failed tests, repeated after the last phase: a CI log that keeps only its tail still says which
// tests failed and why.
const failures = [];
function vitest(name, args, env = {}) {
  const report = path.join(root, 'tests', '.artifacts', `vitest-${name}.json`);
  mkdirSync(path.dirname(report), { recursive: true });
  rmSync(report, { force: true });
  const status =
    spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    }).status ?? 1;
  if (existsSync(report)) {
    const { numPassedTests, numFailedTests, numPendingTests, testResults = [] } = JSON.parse(readFileSync(report, 'utf8'));
    for (const file of testResults) {
      const failed = file.assertionResults.filter((test) => test.status === 'failed');
      for (const test of failed) failures.push({ phase: name, file: file.name, test: test.fullName, message: test.failureMessages?.[0] });
      // A file that failed before any test ran (an error in beforeAll, an import) has no failed test of its own.
      if (!failed.length && file.status === 'failed')
        failures.push({ phase: name, file: file.name, test: '(the file)', message: file.message });
    }
    totals.passed += numPassedTests;
    totals.failed += numFailedTests;
    totals.skipped += numPendingTests;
  } else if (status !== 0) totals.failed++;
  return status;
}

const args = process.argv.slice(2);
let status = vitest('sqlite', args.length ? args : ['--project', 'unit', '--project', 'integration', '--project', 'browser']);
// With a PostgreSQL server at hand (.ci/run starts one), the integration suite runs on it too.
if (process.env.AFTER_SALES_TEST_PG && !args.length) {
  console.log('\n— integration suite on PostgreSQL —');
  status = vitest('postgres', ['--project', 'integration'], { AFTER_SALES_TEST_DB: 'pg' }) || status;
}
// With Redis as well: two instances of the console share PostgreSQL and Redis (X-SCALE).
if (process.env.AFTER_SALES_TEST_PG && process.env.AFTER_SALES_TEST_REDIS && !args.length) {
  console.log('\n— two instances on PostgreSQL + Redis —');
  status = vitest('scale', ['--project', 'scale']) || status;
}
// Faults (PostgreSQL restarted under load, Redis stopped) on a PostgreSQL and a Redis the test starts and
// stops itself, where their programs are installed (never the shared servers above).
if (!args.length && privateServicesAvailable()) {
  console.log('\n— faults: PostgreSQL restarted, Redis stopped (servers of the test’s own) —');
  status = vitest('faults', ['--project', 'faults']) || status;
}
if (failures.length) {
  console.log('\nfailed:');
  for (const { phase, file, test, message } of failures) {
    const why = String(message ?? '')
      .split('\n')
      .filter(Boolean)
      .slice(0, 3)
      .join(' | ')
      .slice(0, 400);
    console.log(`  [${phase}] ${path.relative(root, file)} > ${test}\n      ${why}`);
  }
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(status);
