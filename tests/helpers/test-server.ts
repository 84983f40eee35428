import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// The same preparation `npm start` runs: bootstrap, `directus after-sales setup`, `directus start`.
import { prepareDatabase, startServer, stopServer } from '../../scripts/lib/directus.mjs';
import { freePort } from '../../scripts/lib/free-port.mjs';
import { ADMIN, scratchEnv } from './scratch-env.mjs';

export interface TestServer {
  url: string;
  env: Record<string, string>;
  dataDir: string;
  /** Stops the process (SIGTERM, or SIGKILL for a crash test); the data stays. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  /** Starts the same database again the way `npm start` does. */
  restart: () => Promise<void>;
  /** Stops the process and deletes its data. */
  destroy: () => Promise<void>;
}

export { ADMIN };

/** The environment `npm start` would resolve for a test database in `dataDir`, on `port`. */
const testEnv = (dataDir: string, port: string, extraEnv: Record<string, string>): Record<string, string> =>
  scratchEnv(dataDir, { PORT: port, PUBLIC_URL: `http://127.0.0.1:${port}`, ...extraEnv });

/** Starts a real Directus of this project on a fresh SQLite database in a temporary folder. */
export async function startTestServer(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'after-sales-test-'));
  const port = String(await freePort());
  const env = testEnv(dataDir, port, extraEnv);
  await prepareDatabase(env, { quiet: true });
  let server = await startServer(env, { quiet: true });
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => stopServer(server.child, signal);
  return {
    url: server.url,
    env,
    dataDir,
    stop,
    restart: async () => {
      await stop();
      await prepareDatabase(env, { quiet: true });
      server = await startServer(env, { quiet: true });
    },
    destroy: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestInstance {
  url: string;
  /** The process id: the same after a fault means the instance recovered without a restart. */
  pid: number;
  /** Whether the process is still running. */
  alive: () => boolean;
  /** The last 20,000 characters the process printed. */
  output: () => string;
  /** Stops this instance; the others and the shared database stay. */
  stop: () => Promise<void>;
}

/**
 * Several instances of this project on one shared database (PostgreSQL in `extraEnv`), the way a
 * scaled deployment runs: the database is prepared once (bootstrap + setup), then `count` processes
 * start on it, each on its own port with the same KEY and SECRET, so a token from one works on all.
 */
export async function startTestCluster(
  count: number,
  extraEnv: Record<string, string>,
): Promise<{ instances: TestInstance[]; destroy: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'after-sales-cluster-'));
  const prepareEnv = testEnv(dataDir, String(await freePort()), extraEnv);
  await prepareDatabase(prepareEnv, { quiet: true });
  const instances: TestInstance[] = [];
  const children: Parameters<typeof stopServer>[0][] = [];
  try {
    for (let i = 0; i < count; i++) {
      const port = String(await freePort());
      const server = await startServer({ ...prepareEnv, PORT: port, PUBLIC_URL: `http://127.0.0.1:${port}` }, { quiet: true });
      children.push(server.child);
      const child = server.child;
      instances.push({
        url: server.url,
        pid: child.pid ?? 0,
        alive: () => child.exitCode === null && child.signalCode === null,
        output: server.output,
        stop: () => stopServer(child),
      });
    }
  } catch (error) {
    await Promise.all(children.map((child) => stopServer(child)));
    throw error;
  }
  return {
    instances,
    destroy: async () => {
      await Promise.all(children.map((child) => stopServer(child)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
