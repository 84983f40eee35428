// npm run backup [-- file]: a consistent copy of the console's database, taken while it runs.
// SQLite: `VACUUM INTO` (SQLite's own consistent snapshot; a plain cp of a WAL database can miss
// committed pages still in the -wal file). PostgreSQL: pg_dump in its custom format.
import { mkdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { resolveEnvOrExit } from './lib/env.mjs';
import { root } from './lib/directus.mjs';
import { close, openSqlite, postgresArgs, run, runTool, sqliteFile } from './lib/database-file.mjs';

const env = resolveEnvOrExit(root);

const sqlite = env.DB_CLIENT === 'sqlite3';
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const target = path.resolve(process.argv[2] ?? path.join(root, 'data', 'backups', `after-sales-${stamp}.${sqlite ? 'db' : 'pgdump'}`));
if (existsSync(target)) {
  console.error(`备份失败：${target} 已存在，不会覆盖。`);
  process.exit(1);
}
mkdirSync(path.dirname(target), { recursive: true });

try {
  if (sqlite) {
    const source = sqliteFile(env);
    if (!existsSync(source)) throw new Error(`数据库文件 ${source} 不存在`);
    const db = await openSqlite(source);
    try {
      await run(db, 'PRAGMA busy_timeout = 10000');
      await run(db, 'VACUUM INTO ?', [target]);
    } finally {
      await close(db);
    }
  } else if (env.DB_CLIENT === 'pg' || env.DB_CLIENT === 'postgres') {
    const { args, pgEnv } = postgresArgs(env);
    runTool('pg_dump', ['--format=custom', '--no-owner', '--file', target, ...args], pgEnv);
  } else {
    throw new Error(`DB_CLIENT=${env.DB_CLIENT} 不支持自动备份，请用该数据库自带的工具`);
  }
} catch (error) {
  console.error(`备份失败：${error.message}`);
  process.exit(1);
}
console.log(
  `已备份到 ${target}（${Math.round(statSync(target).size / 1024)} KB）。另请保管 data/secrets.json 与上传文件目录 ${env.STORAGE_LOCAL_ROOT}。`,
);
