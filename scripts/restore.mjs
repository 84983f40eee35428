// npm run restore -- file: puts a backup of `npm run backup` back as the console's database.
// Refuses while a console answers on the configured port. SQLite: the current database is first
// kept as <file>.before-restore-<time>, then replaced; its -wal/-shm files are removed so no stale
// log is replayed over the restored data. PostgreSQL: pg_restore --clean into DB_DATABASE.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { resolveEnvOrExit } from './lib/env.mjs';
import { root } from './lib/directus.mjs';
import { close, consoleRunning, get, openSqlite, postgresArgs, run, runTool, sqliteFile } from './lib/database-file.mjs';

const fail = (message) => {
  console.error(`恢复失败：${message}`);
  process.exit(1);
};

const env = resolveEnvOrExit(root, '恢复失败：配置错误：');
const source = process.argv[2] ? path.resolve(process.argv[2]) : null;
if (!source) fail('请指定备份文件：npm run restore -- <文件>');
if (!existsSync(source)) fail(`备份文件 ${source} 不存在`);
if (await consoleRunning(env)) fail(`端口 ${env.PORT} 上的控制台正在运行，请先停止它再恢复（恢复会替换它正在使用的数据库）。`);

try {
  if (env.DB_CLIENT === 'sqlite3') {
    const { default: sqlite3 } = await import('sqlite3');
    const backup = await openSqlite(source, sqlite3.OPEN_READONLY);
    try {
      await get(backup, 'SELECT count(*) AS n FROM directus_collections');
    } catch {
      throw new Error(`${source} 不是本控制台的 SQLite 备份`);
    } finally {
      await close(backup);
    }
    const target = sqliteFile(env);
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    if (existsSync(target)) {
      const kept = `${target}.before-restore-${stamp}`;
      const current = await openSqlite(target);
      try {
        await run(current, 'VACUUM INTO ?', [kept]);
      } finally {
        await close(current);
      }
      console.log(`原数据库已另存为 ${kept}`);
    }
    const staging = `${target}.restoring`;
    copyFileSync(source, staging);
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(staging, target);
    console.log(`已从 ${source} 恢复到 ${target}。运行 npm start 启动（会按当前版本补齐结构，不删除数据）。`);
  } else if (env.DB_CLIENT === 'pg' || env.DB_CLIENT === 'postgres') {
    const { args, pgEnv } = postgresArgs(env);
    runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', ...args, source], pgEnv);
    console.log(`已从 ${source} 恢复到 PostgreSQL 数据库 ${env.DB_DATABASE ?? ''}（原有表先被删除再重建）。`);
  } else {
    throw new Error(`DB_CLIENT=${env.DB_CLIENT} 不支持自动恢复`);
  }
} catch (error) {
  fail(error.message);
}
