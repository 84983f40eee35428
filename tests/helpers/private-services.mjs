// A PostgreSQL server and a Redis server of a test's own, on free loopback ports in a temporary
// folder, for the fault tests (tests/faults): they stop and restart them, which a shared server used
// by other tests must never see. Plain JavaScript, so that benchmarks can use it too.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/lib/free-port.mjs';

/** The folder of PostgreSQL's server programs (initdb, pg_ctl), newest major version first; null if none. */
export function postgresBinDir() {
  const base = '/usr/lib/postgresql';
  const fromPath = whichOrNull('pg_ctl');
  if (fromPath && existsSync(path.join(path.dirname(fromPath), 'initdb'))) return path.dirname(fromPath);
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((name) => existsSync(path.join(base, name, 'bin', 'initdb')))
    .sort((x, y) => Number(y) - Number(x));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

/** Whether this machine can run the private servers: PostgreSQL's programs, psql, Redis's, and as root an unprivileged `postgres` user. */
export function privateServicesAvailable() {
  if (!postgresBinDir() || !['psql', 'redis-server', 'redis-cli'].every(whichOrNull)) return false;
  return !isRoot() || hasUser('postgres');
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function whichOrNull(command) {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function hasUser(name) {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * PostgreSQL refuses to run as root: as root (CI), its programs run as the `postgres` user through
 * runuser, in a folder that user owns.
 */
function asServerUser(program, args) {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

function runAsServerUser(program, args) {
  const [command, commandArgs] = asServerUser(program, args);
  return execFileSync(command, commandArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The same without blocking this process's event loop (requests of a test keep flowing meanwhile). */
async function runAsServerUserAsync(program, args) {
  const [command, commandArgs] = asServerUser(program, args);
  return (await promisify(execFile)(command, commandArgs, { encoding: 'utf8' })).stdout;
}

/**
 * Creates and starts a PostgreSQL cluster of its own (trust on loopback, fsync off: a throw-away
 * test server). Returns Directus's DB_* settings for a database `after_sales`, and `stop` (fast by
 * default: open connections are cut, as a crash or a failover would), `start` and `destroy`.
 */
export async function startPrivatePostgres() {
  const bin = postgresBinDir();
  if (!bin) throw new Error('no PostgreSQL server programs (initdb, pg_ctl) on this machine');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'after-sales-pg-'));
  const dataDir = path.join(dir, 'data');
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const port = String(await freePort());
  runAsServerUser(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories='' -c fsync=off -c full_page_writes=off`;
  const pgCtl = (...args) => runAsServerUserAsync(path.join(bin, 'pg_ctl'), ['-D', dataDir, ...args]);
  const start = () => pgCtl('start', '-w', '-t', '60', '-l', path.join(dir, 'server.log'), '-o', options);
  const stop = (mode = 'fast') => pgCtl('stop', '-w', '-t', '60', '-m', mode);
  await start();
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  execFileSync('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', 'create database after_sales']);
  let running = true;
  return {
    port,
    adminUrl,
    url: `postgres://postgres@127.0.0.1:${port}/after_sales`,
    env: { DB_CLIENT: 'pg', DB_HOST: '127.0.0.1', DB_PORT: port, DB_DATABASE: 'after_sales', DB_USER: 'postgres', DB_PASSWORD: '' },
    /** Runs SQL on the test database (psql, tuples only, unaligned). */
    query: (sql) =>
      execFileSync('psql', [`postgres://postgres@127.0.0.1:${port}/after_sales`, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql], {
        encoding: 'utf8',
      }).trim(),
    /** Stops the server (`fast`: open connections are cut and their transactions rolled back). */
    stop: async (mode) => {
      await stop(mode);
      running = false;
    },
    start: async () => {
      await start();
      running = true;
    },
    destroy: async () => {
      try {
        if (running) await stop('immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Starts a redis-server of its own (no persistence) as a child of this process. `stop` ends it
 * (SIGTERM, waited for); `start` starts it again on the same port, empty, as a restarted Redis
 * without persistence comes back.
 */
export async function startPrivateRedis() {
  const port = String(await freePort());
  let child = null;
  const start = async () => {
    child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', port, '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      try {
        if (execFileSync('redis-cli', ['-p', port, 'ping'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() === 'PONG')
          return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('redis-server did not answer within 30 s');
  };
  const stop = () =>
    new Promise((resolve) => {
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return resolve();
      current.once('exit', () => resolve());
      current.kill('SIGTERM');
    });
  await start();
  return { port, url: `redis://127.0.0.1:${port}`, stop, start, destroy: stop };
}
