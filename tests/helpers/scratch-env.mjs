// The environment `npm start` would resolve for a throw-away SQLite database in `dataDir`: one
// definition for test servers and benchmark servers alike.
import path from 'node:path';
import { root } from '../../scripts/lib/directus.mjs';
import { ensureSecrets, resolveEnv } from '../../scripts/lib/env.mjs';

export const ADMIN = { email: 'admin@example.com', password: 'Admin@12345' };

/**
 * @param {string} dataDir
 * @param {Record<string, string>} [extraEnv] settings that win over these (PORT, DB_CLIENT=pg…)
 * @returns {Record<string, string>}
 */
export function scratchEnv(dataDir, extraEnv = {}) {
  return ensureSecrets(
    resolveEnv(root, {
      ...process.env,
      CONFIG_PATH: path.join(dataDir, 'none.env'),
      DB_CLIENT: 'sqlite3',
      DB_FILENAME: path.join(dataDir, 'database.db'),
      STORAGE_LOCAL_ROOT: path.join(dataDir, 'uploads'),
      // Directus writes the app's extension bundle under TEMP_PATH (default node_modules/.directus); a
      // node_modules shared with other checkouts would serve their bundle to this server's browser.
      TEMP_PATH: path.join(dataDir, 'tmp'),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      // Tests and benchmarks log in many times quickly and load the machine on purpose; the production
      // default limiter stays on elsewhere, and the pressure limiter would answer 503 when a machine lags.
      RATE_LIMITER_ENABLED: 'false',
      PRESSURE_LIMITER_ENABLED: 'false',
      ACCESS_TOKEN_TTL: '4h',
      // Login locks lapse after 12 s instead of 15 min, so a test can watch one end (tests/integration/login-and-users.test.ts).
      AFTER_SALES_LOGIN_LOCK_MINUTES: '0.2',
      ...extraEnv,
    }),
    dataDir,
  );
}
