// Servers of this project for benchmarks: a temporary SQLite database prepared the way `npm start`
// does, copies of it for side-by-side baselines, and `directus start` with or without the bundle.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase, startServer, stopServer } from '../../../scripts/lib/directus.mjs';
import { ADMIN, scratchEnv } from '../../helpers/scratch-env.mjs';
import { freePort } from '../../../scripts/lib/free-port.mjs';

export { ADMIN };

/**
 * A fresh database with the schema snapshot and the seed applied (bootstrap + `directus
 * after-sales setup`). SQLite in a temporary folder unless `extraEnv` names another DB_CLIENT.
 */
export async function prepareBenchDatabase(extraEnv = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'after-sales-bench-'));
  const env = scratchEnv(dataDir, extraEnv);
  await prepareDatabase(env, { quiet: true });
  return { env, dataDir, destroy: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** A byte copy of a prepared SQLite database (same data, same secrets) for a second server. */
export function cloneBenchDatabase(db) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'after-sales-bench-'));
  copyFileSync(db.env.DB_FILENAME, path.join(dataDir, 'database.db'));
  const env = { ...db.env, DB_FILENAME: path.join(dataDir, 'database.db'), STORAGE_LOCAL_ROOT: path.join(dataDir, 'uploads') };
  return { env, dataDir, destroy: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/**
 * `directus start` on a prepared database. `bundle: false` points EXTENSIONS_PATH at an empty
 * folder: the same Directus on the same data without any of this project's hooks (the baseline).
 * Returns { url, pid, token, stop }; `token` is an administrator's access token.
 */
export async function startBenchServer(db, { bundle = true, extraEnv = {}, nodeArgs = [] } = {}) {
  const port = String(await freePort());
  const env = { ...db.env, PORT: port, PUBLIC_URL: `http://127.0.0.1:${port}`, ...extraEnv };
  if (!bundle) {
    env.EXTENSIONS_PATH = path.join(db.dataDir, `no-extensions-${port}`);
    mkdirSync(env.EXTENSIONS_PATH, { recursive: true });
  }
  const server = await startServer(env, { quiet: true, nodeArgs });
  const token = await adminToken(server.url).catch(async (error) => {
    await stopServer(server.child);
    throw error;
  });
  return {
    url: server.url,
    pid: server.child.pid,
    token,
    env,
    output: server.output,
    stop: () => stopServer(server.child),
  };
}

/**
 * Side by side: this project's server on `db` and the same Directus without the bundle on `twin`
 * (a copy of the same data), `measure(ours, plain)`, then both stopped. The databases stay the
 * caller's to destroy.
 */
export async function onTwinServers(db, twin, measure) {
  const servers = [];
  try {
    servers.push(await startBenchServer(db));
    servers.push(await startBenchServer(twin, { bundle: false }));
    return await measure(servers[0], servers[1]);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

export async function adminToken(url, { email, password } = ADMIN) {
  const response = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login as ${email} at ${url} failed: ${response.status} ${await response.text()}`);
  return (await response.json()).data.access_token;
}

/** fetch JSON from a bench server; throws with the body on a non-2xx answer. */
export async function call(server, method, route, body) {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route} → ${response.status} ${text.slice(0, 500)}`);
  return text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text).data : text;
}
