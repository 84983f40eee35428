// The console's environment: Directus variables from the process and `.env`, the console's own
// defaults, and a check that stops a bad setting with one clear line.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';

export class ConfigError extends Error {}

/**
 * `.env` read exactly as Directus reads it (@directus/env uses dotenv's parse): `KEY=value # comment`,
 * quotes, `export KEY=value`, multi-line quoted values.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseDotEnv(text) {
  return parse(text);
}

const DB_CLIENTS = ['sqlite3', 'pg', 'postgres', 'mysql', 'mysql2', 'mssql', 'oracledb', 'cockroachdb'];
const DEV_ADMIN_PASSWORD = 'Admin@12345';
/** Placeholders of .env.example and the docs: never a real secret. */
export const EXAMPLE_VALUES = ['...', 'change-me-please', 'changeme', 'change-me', 'secret', 'key', DEV_ADMIN_PASSWORD, 'Demo@12345'];

function validTimeZone(zone) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * resolveEnv for a command-line script: a configuration error ends it with `prefix` + the Chinese message.
 * @param {string} root
 * @param {string} [prefix]
 * @returns {Record<string, string>}
 */
export function resolveEnvOrExit(root, prefix = '配置错误：') {
  try {
    return resolveEnv(root);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${prefix}${error.message}`);
    process.exit(1);
  }
}

/**
 * @param {string} root
 * @param {Record<string, string | undefined>} [processEnv]
 * @returns {Record<string, string>}
 *
 * Resolves the environment Directus will run with. Precedence: process env, then `.env` in the
 * project root, then the defaults below. Throws ConfigError naming the setting and the rule.
 */
export function resolveEnv(root, processEnv = process.env) {
  const dotEnvPath = processEnv.CONFIG_PATH ? path.resolve(root, processEnv.CONFIG_PATH) : path.join(root, '.env');
  const fromFile = existsSync(dotEnvPath) ? parseDotEnv(readFileSync(dotEnvPath, 'utf8')) : {};
  const env = { ...fromFile, ...processEnv };
  const production = env.NODE_ENV === 'production';

  const port = env.PORT ?? '8055';
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) throw new ConfigError(`PORT=${port} 无效：端口应为 1–65535 的整数`);

  const defaults = {
    PORT: port,
    HOST: '0.0.0.0',
    PUBLIC_URL: `http://localhost:${port}`,
    DB_CLIENT: 'sqlite3',
    ADMIN_EMAIL: 'admin@example.com',
    ADMIN_PASSWORD: DEV_ADMIN_PASSWORD,
    PROJECT_NAME: '售后服务管理',
    TZ: 'Asia/Shanghai',
    BUSINESS_TIME_ZONE: 'Asia/Shanghai',
    EXTENSIONS_PATH: path.join(root, 'extensions'),
    EXTENSIONS_AUTO_RELOAD: 'false',
    AFTER_SALES_SNAPSHOTS_PATH: path.join(root, 'snapshots'),
    AFTER_SALES_TEMPLATES_PATH: path.join(root, 'templates'),
    STORAGE_LOCATIONS: 'local',
    STORAGE_LOCAL_ROOT: path.join(root, 'data', 'uploads'),
    // WebSockets stay off: Directus 11 has a public-WebSocket permission bypass fixed only in 12.1.
    WEBSOCKETS_ENABLED: 'false',
    // …and so does Directus's log stream for WebSocket clients (on by default even with WebSockets off): with
    // REDIS set it publishes every log line to Redis without waiting for the answer, and a Redis away for
    // ~10 s turns the first log line into an unhandled rejection that ends the process (docs/reliability.md).
    WEBSOCKETS_LOGS_ENABLED: 'false',
    // Requests per IP are limited (Directus: 50 per second by default); a login burst gets HTTP 429.
    RATE_LIMITER_ENABLED: 'true',
    // No other web origin may call the API from a browser unless CORS_ORIGIN is set on purpose.
    CORS_ENABLED: 'false',
    // npm start serves browsers directly: the client's address is the connection's, never a header a
    // client can write (X-Forwarded-For). Behind a reverse proxy, set it to the proxy's address.
    IP_TRUST_PROXY: 'false',
    // No AI assistant (it sends what the user reads to a model provider) and no MCP server unless an
    // administrator turns them on deliberately: docs/personal-data.md.
    AI_ENABLED: 'false',
    MCP_ENABLED: 'false',
    // WAL commits synced at checkpoints (durable across crashes of the server, not power cuts): see docs/reliability.md.
    AFTER_SALES_SQLITE_SYNCHRONOUS: 'normal',
    TELEMETRY: 'false',
    LOG_LEVEL: 'info',
  };
  for (const [key, value] of Object.entries(defaults)) if (env[key] === undefined || env[key] === '') env[key] = value;
  if (env.DB_CLIENT === 'sqlite3' && !env.DB_FILENAME) env.DB_FILENAME = path.join(root, 'data', 'database.db');
  if (!env.PROJECT_OWNER) env.PROJECT_OWNER = env.ADMIN_EMAIL;

  if (!DB_CLIENTS.includes(env.DB_CLIENT))
    throw new ConfigError(`DB_CLIENT=${env.DB_CLIENT} 无效：应为 sqlite3 或 pg（另支持 ${DB_CLIENTS.slice(2).join('、')}）`);
  if (env.DB_CLIENT !== 'sqlite3' && !env.DB_CONNECTION_STRING && !env.DB_HOST)
    throw new ConfigError(`DB_CLIENT=${env.DB_CLIENT} 需要 DB_HOST（或 DB_CONNECTION_STRING）`);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(env.ADMIN_EMAIL)) throw new ConfigError(`ADMIN_EMAIL=${env.ADMIN_EMAIL} 不是有效的电子邮件地址`);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(env.PROJECT_OWNER))
    throw new ConfigError(`PROJECT_OWNER=${env.PROJECT_OWNER} 不是有效的电子邮件地址`);
  if (env.ADMIN_PASSWORD.length < 8) throw new ConfigError('ADMIN_PASSWORD 太短：至少 8 个字符');
  try {
    new URL(env.PUBLIC_URL);
  } catch {
    throw new ConfigError(`PUBLIC_URL=${env.PUBLIC_URL} 不是有效的网址`);
  }
  if (!['normal', 'full'].includes(env.AFTER_SALES_SQLITE_SYNCHRONOUS))
    throw new ConfigError(
      `AFTER_SALES_SQLITE_SYNCHRONOUS=${env.AFTER_SALES_SQLITE_SYNCHRONOUS} 无效：应为 normal（默认）或 full（每次提交都写盘，断电也不丢，写入较慢）`,
    );
  for (const key of ['TZ', 'BUSINESS_TIME_ZONE'])
    if (!validTimeZone(env[key])) throw new ConfigError(`${key}=${env[key]} 不是有效的时区（例如 Asia/Shanghai）`);
  // Login locks (extensions/after-sales/src/domain/login-lockout.ts); unset takes the console's default.
  for (const key of ['AFTER_SALES_LOGIN_MAX_FAILURES', 'AFTER_SALES_LOGIN_MAX_FAILURES_PER_IP']) {
    if (env[key] && !/^[1-9]\d*$/.test(env[key])) throw new ConfigError(`${key}=${env[key]} 无效：应为正整数（登录失败多少次后锁定）`);
  }
  const lockMinutes = env.AFTER_SALES_LOGIN_LOCK_MINUTES;
  if (lockMinutes && !(Number(lockMinutes) > 0))
    throw new ConfigError(`AFTER_SALES_LOGIN_LOCK_MINUTES=${lockMinutes} 无效：应为大于 0 的分钟数（锁定时长，默认 15）`);

  failFastRedis(env);

  if (production) {
    if (!env.KEY || !env.SECRET) throw new ConfigError('生产环境（NODE_ENV=production）必须设置 KEY 和 SECRET');
    for (const key of ['KEY', 'SECRET']) {
      if (EXAMPLE_VALUES.includes(env[key]) || env[key].length < 32)
        throw new ConfigError(`生产环境的 ${key} 不能用示例值，且至少 32 个字符（例如 openssl rand -hex 32 生成）`);
    }
    if (env.ADMIN_PASSWORD === DEV_ADMIN_PASSWORD || EXAMPLE_VALUES.includes(env.ADMIN_PASSWORD))
      throw new ConfigError('生产环境不能使用默认或示例管理员密码，请设置 ADMIN_PASSWORD');
    if (env.DB_PASSWORD && EXAMPLE_VALUES.includes(env.DB_PASSWORD))
      throw new ConfigError('生产环境不能使用示例数据库密码，请设置 DB_PASSWORD');
  }
  return env;
}

/**
 * A Redis that goes away must not hold every request: ioredis, as Directus creates it, queues a command
 * while disconnected and retries it 20 times (~10 s) before failing. Directus passes ioredis options only
 * from REDIS_* settings, not with a REDIS URL, so a plain `redis://` URL becomes the same settings
 * (REDIS_HOST, REDIS_PORT, REDIS_USERNAME, REDIS_PASSWORD, REDIS_DB) plus REDIS_MAX_RETRIES_PER_REQUEST=1:
 * a command fails after one reconnection attempt and Directus's caches fall back to the database
 * (docs/reliability.md). Left as given: `rediss://` (TLS) or a URL with options, or when
 * REDIS_MAX_RETRIES_PER_REQUEST or REDIS_HOST is set already.
 * @param {Record<string, string>} env
 */
export function failFastRedis(env) {
  if (!env.REDIS || env.REDIS_MAX_RETRIES_PER_REQUEST !== undefined || env.REDIS_HOST !== undefined) return;
  let url;
  try {
    url = new URL(env.REDIS);
  } catch {
    return;
  }
  if (url.protocol !== 'redis:' || url.search || url.hash) return;
  const db = url.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) return;
  const settings = {
    REDIS_HOST: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    REDIS_PORT: url.port || '6379',
    ...(url.username ? { REDIS_USERNAME: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { REDIS_PASSWORD: decodeURIComponent(url.password) } : {}),
    ...(db ? { REDIS_DB: db } : {}),
    REDIS_MAX_RETRIES_PER_REQUEST: '1',
  };
  delete env.REDIS;
  Object.assign(env, settings);
}

/**
 * KEY and SECRET for development: generated once and kept beside the database, so sessions and
 * tokens survive a restart. Production must set them (resolveEnv refuses to start otherwise).
 */
/**
 * @param {Record<string, string>} env
 * @param {string} dataDir
 * @returns {Record<string, string>}
 */
export function ensureSecrets(env, dataDir) {
  if (env.KEY && env.SECRET) return env;
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'secrets.json');
  let stored = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  if (!stored) {
    stored = { KEY: randomBytes(24).toString('hex'), SECRET: randomBytes(32).toString('hex') };
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return { ...env, KEY: env.KEY || stored.KEY, SECRET: env.SECRET || stored.SECRET };
}
