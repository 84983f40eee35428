// npm start: build the bundle if needed, create or upgrade the database, apply the schema
// snapshot and the access/config seed, then serve the console.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureSecrets, resolveEnvOrExit } from './lib/env.mjs';
import { prepareDatabase, root, runDirectus } from './lib/directus.mjs';

let env = resolveEnvOrExit(root);
env = ensureSecrets(env, path.join(root, 'data'));
if (env.DB_FILENAME) mkdirSync(path.dirname(path.resolve(root, env.DB_FILENAME)), { recursive: true });
mkdirSync(env.STORAGE_LOCAL_ROOT, { recursive: true });

const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-extensions.mjs'), '--if-stale'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

try {
  await prepareDatabase(env);
} catch (error) {
  console.error(`启动失败：数据库准备未完成 — ${error.message.split('\n')[0]}`);
  process.exit(1);
}
if (process.argv.includes('--setup-only')) process.exit(0);

console.log(`售后服务管理 → ${env.PUBLIC_URL}/admin`);
await runDirectus(['start'], env).catch(() => process.exit(1));
