// A throw-away PostgreSQL database for a test run or a benchmark (plain JavaScript, so that the
// benchmarks in tests/bench can use it too).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';

/**
 * A fresh PostgreSQL database on the server named by `adminUrl` (AFTER_SALES_TEST_PG: a connection
 * URL of a user allowed to create databases). Returns Directus's DB_* settings and a drop function.
 * @param {string} adminUrl
 * @param {string} [prefix]
 * @returns {{ env: Record<string, string>, drop: () => void }}
 */
export function createTestDatabase(adminUrl, prefix = 'after_sales_test') {
  const url = new URL(adminUrl);
  const name = `${prefix}_${randomUUID().slice(0, 8)}`;
  execFileSync('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `create database ${name}`]);
  return {
    env: {
      DB_CLIENT: 'pg',
      DB_HOST: url.hostname,
      DB_PORT: url.port || '5432',
      DB_DATABASE: name,
      DB_USER: decodeURIComponent(url.username),
      DB_PASSWORD: decodeURIComponent(url.password),
    },
    drop: () => dropDatabase(adminUrl, name),
  };
}

/**
 * Drops the database. `drop … with (force)` is refused to a user without pg_signal_backend while an
 * autovacuum worker is connected to the database (PostgreSQL 15 checks the worker's role, which is
 * none), so the drop ends this user's own sessions itself and lets a plain `drop database` stop the
 * autovacuum worker, as it does. Tried a few times; a database that still cannot be dropped is
 * reported on stderr instead of failing the test that used it.
 * @param {string} adminUrl
 * @param {string} name
 */
function dropDatabase(adminUrl, name) {
  const terminate =
    `select pg_terminate_backend(pid) from pg_stat_activity ` +
    `where datname = '${name}' and usename = current_user and pid <> pg_backend_pid()`;
  let last;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      execFileSync('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', terminate, '-c', `drop database if exists ${name}`], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      return;
    } catch (error) {
      last = error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  process.stderr.write(`[postgres] database ${name} was not dropped: ${String(last?.stderr ?? last)}\n`);
}
