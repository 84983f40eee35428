import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '..', '..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const directus = compose.services.directus;
const setup = compose.services.setup;

test('runs the pinned Directus image beside PostgreSQL and Redis official images', () => {
  expect(Object.keys(compose.services).sort()).toEqual(['directus', 'postgres', 'redis', 'setup']);
  expect(directus.image).toBe(`directus/directus:${pkg.dependencies.directus}`);
  expect(setup.image).toBe(directus.image);
  expect(compose.services.postgres.image).toMatch(/^postgres:\d+(-alpine)?$/);
  expect(compose.services.redis.image).toMatch(/^redis:\d+(-alpine)?$/);
  expect(setup.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
  expect(directus.depends_on).toEqual({
    postgres: { condition: 'service_healthy' },
    redis: { condition: 'service_healthy' },
    setup: { condition: 'service_completed_successfully' },
  });
});

test('setup runs once, to completion, before any instance serves (safe with --scale directus=N)', () => {
  expect(setup.command.join(' ')).toMatch(/node cli\.js bootstrap && node cli\.js after-sales setup"?$/);
  expect(setup.restart).toBe('no');
  expect(setup.ports).toBeUndefined();
  expect(directus.command).toEqual(['pm2-runtime', 'start', 'ecosystem.config.cjs']);
  expect(directus.command.join(' ')).not.toMatch(/bootstrap|after-sales setup/);
  // One environment and one set of mounts for both: the setup sees what the instances serve.
  expect(setup.environment).toEqual(directus.environment);
  expect(setup.volumes).toEqual(directus.volumes);
});

test('mounts the built bundle, the snapshots and the templates where the setup looks for them', () => {
  expect(directus.volumes).toEqual(
    expect.arrayContaining([
      './extensions:/directus/extensions:ro',
      './snapshots:/directus/snapshots:ro',
      './templates:/directus/templates:ro',
    ]),
  );
  expect(directus.environment.AFTER_SALES_SNAPSHOTS_PATH).toBe('/directus/snapshots');
  expect(directus.environment.AFTER_SALES_TEMPLATES_PATH).toBe('/directus/templates');
});

test('cache, synchronization and messenger use Redis (failing fast), the rate limiter counts per instance; WebSockets stay off', () => {
  const env = directus.environment;
  expect(env).toMatchObject({
    DB_CLIENT: 'pg',
    DB_HOST: 'postgres',
    // Redis as settings with one retry per command, the request limit counted per instance: both keep the
    // console answering while Redis is away (docs/reliability.md, tests/faults).
    REDIS_HOST: 'redis',
    REDIS_PORT: '6379',
    REDIS_MAX_RETRIES_PER_REQUEST: '1',
    CACHE_STORE: 'redis',
    SYNCHRONIZATION_STORE: 'redis',
    MESSENGER_STORE: 'redis',
    RATE_LIMITER_STORE: 'memory',
    WEBSOCKETS_ENABLED: 'false',
    WEBSOCKETS_LOGS_ENABLED: 'false',
    TZ: 'Asia/Shanghai',
  });
});

test('secrets come from the environment and are required, never written in the file', () => {
  const env = directus.environment;
  for (const key of ['KEY', 'SECRET', 'ADMIN_PASSWORD', 'DB_PASSWORD']) expect(env[key]).toMatch(new RegExp(`^\\$\\{${key}:\\?`));
  expect(compose.services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{DB_PASSWORD:\?/);
});

test('AI assistant and MCP server off, the client address not read from headers, unless set in .env', () => {
  const env = directus.environment;
  expect(env).toMatchObject({
    AI_ENABLED: '${AI_ENABLED:-false}',
    MCP_ENABLED: '${MCP_ENABLED:-false}',
    IP_TRUST_PROXY: '${IP_TRUST_PROXY:-false}',
  });
  for (const key of ['AFTER_SALES_LOGIN_MAX_FAILURES', 'AFTER_SALES_LOGIN_MAX_FAILURES_PER_IP', 'AFTER_SALES_LOGIN_LOCK_MINUTES'])
    expect(env[key]).toBe(`\${${key}:-}`);
});
