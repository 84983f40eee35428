import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, parseDotEnv, resolveEnv } from '../../scripts/lib/env.mjs';

const root = path.resolve(__dirname, '..', '..');
const base = { CONFIG_PATH: '/nonexistent/.env' };

describe('resolveEnv', () => {
  test('defaults: SQLite under data/, port 8055, Chinese project, owner = admin', () => {
    const env = resolveEnv(root, base);
    expect(env.DB_CLIENT).toBe('sqlite3');
    expect(env.DB_FILENAME).toBe(path.join(root, 'data', 'database.db'));
    expect(env.PORT).toBe('8055');
    expect(env.PUBLIC_URL).toBe('http://localhost:8055');
    expect(env.PROJECT_NAME).toBe('售后服务管理');
    expect(env.PROJECT_OWNER).toBe('admin@example.com');
    expect(env.WEBSOCKETS_ENABLED).toBe('false');
    // Its log stream too: with REDIS set it would end the process when Redis goes away (docs/reliability.md).
    expect(env.WEBSOCKETS_LOGS_ENABLED).toBe('false');
    expect(env.RATE_LIMITER_ENABLED).toBe('true');
    expect(env.CORS_ENABLED).toBe('false');
    expect(env.TZ).toBe('Asia/Shanghai');
    expect(env.AFTER_SALES_SQLITE_SYNCHRONOUS).toBe('normal');
    // The client's address is the connection's (per-address login limit), no AI assistant, no MCP server.
    expect(env.IP_TRUST_PROXY).toBe('false');
    expect(env.AI_ENABLED).toBe('false');
    expect(env.MCP_ENABLED).toBe('false');
  });

  test('the environment wins over the defaults', () => {
    const env = resolveEnv(root, { ...base, PORT: '9000', ADMIN_EMAIL: 'boss@agency.cn', DB_FILENAME: '/srv/x.db' });
    expect(env.PORT).toBe('9000');
    expect(env.PUBLIC_URL).toBe('http://localhost:9000');
    expect(env.PROJECT_OWNER).toBe('boss@agency.cn');
    expect(env.DB_FILENAME).toBe('/srv/x.db');
  });

  test.each([
    [{ PORT: 'abc' }, 'PORT=abc 无效'],
    [{ PORT: '70000' }, 'PORT=70000 无效'],
    [{ DB_CLIENT: 'mongodb' }, 'DB_CLIENT=mongodb 无效'],
    [{ DB_CLIENT: 'pg' }, '需要 DB_HOST'],
    [{ ADMIN_EMAIL: 'admin' }, 'ADMIN_EMAIL=admin 不是有效的电子邮件地址'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD 太短'],
    [{ TZ: 'Mars/Olympus' }, 'TZ=Mars/Olympus 不是有效的时区'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL=not a url 不是有效的网址'],
    [{ AFTER_SALES_SQLITE_SYNCHRONOUS: 'off' }, 'AFTER_SALES_SQLITE_SYNCHRONOUS=off 无效：应为 normal（默认）或 full'],
    [{ AFTER_SALES_LOGIN_MAX_FAILURES: '0' }, 'AFTER_SALES_LOGIN_MAX_FAILURES=0 无效：应为正整数'],
    [{ AFTER_SALES_LOGIN_MAX_FAILURES_PER_IP: '2.5' }, 'AFTER_SALES_LOGIN_MAX_FAILURES_PER_IP=2.5 无效：应为正整数'],
    [{ AFTER_SALES_LOGIN_LOCK_MINUTES: 'soon' }, 'AFTER_SALES_LOGIN_LOCK_MINUTES=soon 无效：应为大于 0 的分钟数'],
    [{ NODE_ENV: 'production' }, '必须设置 KEY 和 SECRET'],
    [{ NODE_ENV: 'production', KEY: 'k'.repeat(32), SECRET: 's'.repeat(32) }, '不能使用默认或示例管理员密码'],
    [{ NODE_ENV: 'production', KEY: '...', SECRET: 's'.repeat(32), ADMIN_PASSWORD: 'Str0ng!Passw0rd' }, '生产环境的 KEY 不能用示例值'],
    [{ NODE_ENV: 'production', KEY: 'k'.repeat(32), SECRET: '...', ADMIN_PASSWORD: 'Str0ng!Passw0rd' }, '生产环境的 SECRET 不能用示例值'],
    [{ NODE_ENV: 'production', KEY: 'short-key', SECRET: 's'.repeat(32), ADMIN_PASSWORD: 'Str0ng!Passw0rd' }, '至少 32 个字符'],
    [
      { NODE_ENV: 'production', KEY: 'k'.repeat(32), SECRET: 's'.repeat(32), ADMIN_PASSWORD: 'change-me-please' },
      '不能使用默认或示例管理员密码',
    ],
    [
      { NODE_ENV: 'production', KEY: 'k'.repeat(32), SECRET: 's'.repeat(32), ADMIN_PASSWORD: 'Str0ng!Passw0rd', DB_PASSWORD: '...' },
      '不能使用示例数据库密码',
    ],
  ])('%o is refused: %s', (overrides, message) => {
    expect(() => resolveEnv(root, { ...base, ...overrides })).toThrow(ConfigError);
    expect(() => resolveEnv(root, { ...base, ...overrides })).toThrow(message);
  });
});

test('production starts with real secrets', () => {
  const env = resolveEnv(root, {
    ...base,
    NODE_ENV: 'production',
    KEY: 'k'.repeat(32),
    SECRET: 's'.repeat(32),
    ADMIN_PASSWORD: 'Str0ng!Passw0rd',
  });
  expect(env.KEY).toBe('k'.repeat(32));
});

test('npm start refuses NODE_ENV=production with the example values of .env.example', () => {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    env: { ...process.env, ...base, NODE_ENV: 'production', KEY: '...', SECRET: '...', ADMIN_PASSWORD: 'change-me-please' },
    encoding: 'utf8',
  });
  expect(result.status).toBe(1);
  expect(result.stderr.trim()).toBe('配置错误：生产环境的 KEY 不能用示例值，且至少 32 个字符（例如 openssl rand -hex 32 生成）');
});

test('parseDotEnv reads KEY=value lines, comments and quotes', () => {
  expect(parseDotEnv('# c\nPORT=9001\nPROJECT_NAME="东方 售后"\n\nX=\'1\'\nbad line')).toEqual({
    PORT: '9001',
    PROJECT_NAME: '东方 售后',
    X: '1',
  });
});

test.each([
  ['PORT=8055 # dev', '8055'],
  ['PORT=8055   # port of the dev server', '8055'],
  ['export PORT=8055', '8055'],
  ['PORT="8055" # quoted', '8055'],
  ["PORT='8055'", '8055'],
  ['PORT=', ''],
])('parseDotEnv reads %s as Directus does: PORT=%s', (line, port) => {
  expect(parseDotEnv(line).PORT).toBe(port);
});

test('PORT=8055 # dev in .env starts on 8055 instead of a configuration error', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'env-'));
  writeFileSync(path.join(dir, '.env'), 'PORT=8055 # dev\nPROJECT_NAME="东方 售后" # 项目名\n');
  const env = resolveEnv(root, { CONFIG_PATH: path.join(dir, '.env') });
  expect(env.PORT).toBe('8055');
  expect(env.PUBLIC_URL).toBe('http://localhost:8055');
  expect(env.PROJECT_NAME).toBe('东方 售后');
});

test('npm start stops a bad setting with one clear line, not a stack trace', () => {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    env: { ...process.env, ...base, PORT: 'eighty' },
    encoding: 'utf8',
  });
  expect(result.status).toBe(1);
  expect(result.stderr.trim()).toBe('配置错误：PORT=eighty 无效：端口应为 1–65535 的整数');
  expect(result.stdout).toBe('');
});

// docs/reliability.md: with a plain redis:// URL ioredis would hold each command ~10 s while Redis is away.
test.each([
  ['redis://127.0.0.1:6379', { REDIS_HOST: '127.0.0.1', REDIS_PORT: '6379', REDIS_MAX_RETRIES_PER_REQUEST: '1' }],
  ['redis://redis', { REDIS_HOST: 'redis', REDIS_PORT: '6379', REDIS_MAX_RETRIES_PER_REQUEST: '1' }],
  [
    'redis://app:p%40ss@cache.internal:6380/2',
    { REDIS_HOST: 'cache.internal', REDIS_PORT: '6380', REDIS_USERNAME: 'app', REDIS_PASSWORD: 'p@ss', REDIS_DB: '2' },
  ],
])('REDIS=%s fails fast: the same server as REDIS_* settings, one retry per command', (url, settings) => {
  const env = resolveEnv(root, { ...base, REDIS: url });
  expect(env.REDIS).toBeUndefined();
  expect(env).toMatchObject(settings);
});

test.each([
  [{ REDIS: 'rediss://cache.internal:6380' }],
  [{ REDIS: 'redis://cache.internal:6379?family=6' }],
  [{ REDIS: 'redis://cache.internal:6379', REDIS_MAX_RETRIES_PER_REQUEST: '5' }],
])('a Redis setting with TLS, options or its own retries is left as given: %o', (given) => {
  const env = resolveEnv(root, { ...base, ...given });
  expect(env.REDIS).toBe(given.REDIS);
  expect(env.REDIS_HOST).toBeUndefined();
});
