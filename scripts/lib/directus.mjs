// Runs Directus commands and the server for this project (npm start, tests, benchmarks).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Directus's own CLI entry without the wrapper's online update check, which would print an
// "update available" box on every start (11.17.4 is pinned on purpose: see README).
const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@directus/api/package.json')), 'dist', 'cli', 'run.js');

/** Runs `directus <args>` to completion; rejects with its output when it fails. */
export function runDirectus(args, env, { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`directus ${args.join(' ')} exited with ${code}\n${output.slice(-4000)}`)),
    );
  });
}

/** Creates or upgrades the database and applies the schema snapshot and the seed. */
export async function prepareDatabase(env, options) {
  await runDirectus(['bootstrap'], env, options);
  await runDirectus(['after-sales', 'setup'], env, options);
}

export async function waitForHealth(url, { timeoutMs = 180_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`Directus exited with ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${url}/server/ping`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Directus at ${url} was not ready within ${timeoutMs} ms`);
}

/** Starts `directus start` (`nodeArgs`: e.g. --cpu-prof) and resolves once it answers; the child is returned for stopping. */
export async function startServer(env, { quiet = false, nodeArgs = [] } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, cli, 'start'], {
    cwd: root,
    env,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-20000)));
  child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-20000)));
  const url = `http://127.0.0.1:${env.PORT}`;
  try {
    await waitForHealth(url, { child });
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${output}`, { cause: error });
  }
  return { child, url, output: () => output };
}

export function stopServer(child, signal = 'SIGTERM') {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
