import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// The same preparation `npm start` runs: bootstrap, `directus after-sales setup`, `directus start`.
import { prepareDatabase, root, startServer, stopServer } from '../../scripts/lib/directus.mjs';
import { ensureSecrets, resolveEnv } from '../../scripts/lib/env.mjs';
import { freePort } from '../../scripts/lib/free-port.mjs';

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

export const ADMIN = { email: 'admin@example.com', password: 'Admin@12345' };

/** Starts a real Directus of this project on a fresh SQLite database in a temporary folder. */
export async function startTestServer(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'after-sales-test-'));
  const port = String(await freePort());
  const env: Record<string, string> = ensureSecrets(
    resolveEnv(root, {
      ...process.env,
      CONFIG_PATH: path.join(dataDir, 'none.env'),
      DB_CLIENT: 'sqlite3',
      DB_FILENAME: path.join(dataDir, 'database.db'),
      STORAGE_LOCAL_ROOT: path.join(dataDir, 'uploads'),
      // Directus writes the app's extension bundle under TEMP_PATH (default node_modules/.directus); a
      // node_modules shared with other checkouts would serve their bundle to this server's browser.
      TEMP_PATH: path.join(dataDir, 'tmp'),
      PORT: port,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      // Tests log in many users quickly; the production default limiter stays on elsewhere.
      RATE_LIMITER_ENABLED: 'false',
      ACCESS_TOKEN_TTL: '4h',
      ...extraEnv,
    }),
    dataDir,
  );
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
