// Backup and restore helpers shared by scripts/backup.mjs and scripts/restore.mjs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './directus.mjs';

/** The SQLite database file of an environment (relative paths are from the project root). */
export const sqliteFile = (env) => path.resolve(root, env.DB_FILENAME);

/** Opens a SQLite file with the sqlite3 module Directus itself uses. */
export async function openSqlite(file, mode) {
  const { default: sqlite3 } = await import('sqlite3');
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode ?? sqlite3.OPEN_READWRITE, (error) => (error ? reject(error) : resolve(db)));
  });
}

export const run = (db, sql, params = []) =>
  new Promise((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
export const get = (db, sql, params = []) =>
  new Promise((resolve, reject) => db.get(sql, params, (error, row) => (error ? reject(error) : resolve(row))));
export const close = (db) => new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));

/** libpq settings for pg_dump / pg_restore from Directus's DB_* variables. */
export function postgresArgs(env) {
  if (env.DB_CONNECTION_STRING) return { args: ['--dbname', env.DB_CONNECTION_STRING], pgEnv: {} };
  return {
    args: ['--host', env.DB_HOST, '--port', String(env.DB_PORT ?? 5432), '--username', env.DB_USER, '--dbname', env.DB_DATABASE],
    pgEnv: env.DB_PASSWORD ? { PGPASSWORD: env.DB_PASSWORD } : {},
  };
}

export function runTool(tool, args, pgEnv) {
  const result = spawnSync(tool, args, { env: { ...process.env, ...pgEnv }, encoding: 'utf8' });
  if (result.error) throw new Error(`${tool} 无法运行：${result.error.message}`);
  if (result.status !== 0) throw new Error(`${tool} 失败：${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')}`);
}

/** Whether a console answers on the environment's port (then its database must not be replaced). */
export async function consoleRunning(env) {
  try {
    const response = await fetch(`http://127.0.0.1:${env.PORT}/server/ping`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}
