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
    drop: () => {
      execFileSync('psql', [adminUrl, '-q', '-c', `drop database if exists ${name} with (force)`]);
    },
  };
}
