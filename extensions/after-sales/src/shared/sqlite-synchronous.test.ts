import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { afterEach, describe, expect, test } from 'vitest';
import { sqliteSynchronousOf, useSqliteSynchronous } from './sqlite-synchronous';

// A real SQLite file through knex's pool, configured the way Directus configures it (one connection).
let dir: string | undefined;
let knex: Knex | undefined;
const open = (pool: Knex.PoolConfig = {}) => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'after-sales-sync-'));
  knex = knexFactory({ client: 'sqlite3', connection: { filename: path.join(dir, 'db.sqlite') }, useNullAsDefault: true, pool });
  return knex;
};
const synchronous = async () => ((await knex!.raw('PRAGMA synchronous')) as { synchronous: number }[])[0]!.synchronous;
afterEach(async () => {
  await knex?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
  knex = dir = undefined;
});

describe('SQLite commit durability', () => {
  test('normal unless full is asked for', () => {
    expect(sqliteSynchronousOf({})).toBe('normal');
    expect(sqliteSynchronousOf({ AFTER_SALES_SQLITE_SYNCHRONOUS: 'FULL' })).toBe('full');
    expect(sqliteSynchronousOf({ AFTER_SALES_SQLITE_SYNCHRONOUS: 'normal' })).toBe('normal');
  });

  test('applies to the open connection (SQLite reports 1 = NORMAL, 2 = FULL)', async () => {
    open();
    expect(await synchronous()).toBe(2);
    expect(await useSqliteSynchronous(knex!, 'normal')).toBe('normal');
    expect(await synchronous()).toBe(1);
    await useSqliteSynchronous(knex!, 'full');
    expect(await synchronous()).toBe(2);
  });

  test('and to a connection the pool opens later (after the idle one was closed)', async () => {
    open({ min: 0, max: 1, idleTimeoutMillis: 20, reapIntervalMillis: 10 });
    await useSqliteSynchronous(knex!, 'normal');
    const pool = (knex!.client as { pool: { numFree: () => number; numUsed: () => number } }).pool;
    const deadline = Date.now() + 5_000;
    while (pool.numFree() + pool.numUsed() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pool.numFree() + pool.numUsed()).toBe(0);
    expect(await synchronous()).toBe(1);
  });

  test('nothing on another database', async () => {
    const pg = knexFactory({ client: 'pg', connection: {} });
    expect(await useSqliteSynchronous(pg, 'normal')).toBeNull();
    await pg.destroy();
  });
});
