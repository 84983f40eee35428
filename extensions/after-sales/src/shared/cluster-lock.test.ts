import knexFactory, { type Knex } from 'knex';
import { afterEach, describe, expect, test } from 'vitest';
import { ifUnlocked } from './cluster-lock';

// Two "instances" are two knex pools on the same real PostgreSQL (AFTER_SALES_TEST_PG, as the suite's
// PostgreSQL pass uses): while one runs, the other skips; a holder whose connections die releases it.
const url = process.env['AFTER_SALES_TEST_PG'];
const LOCK = 987_654_321;
const pools: Knex[] = [];
const instance = () => {
  const knex = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 3 } });
  pools.push(knex);
  return knex;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((knex) => knex.destroy()));
});

describe.skipIf(!url)('one run at a time across instances (PostgreSQL advisory lock)', () => {
  test('a second instance skips while the first runs, and runs once it is done', async () => {
    const [a, b] = [instance(), instance()];
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    const first = ifUnlocked(a, LOCK, async () => {
      ran.push('a');
      await holding;
    });
    while (ran.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await ifUnlocked(b, LOCK, async () => void ran.push('b'))).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(await ifUnlocked(b, LOCK, async () => void ran.push('b'))).toBe(true);
    expect(ran).toEqual(['a', 'b']);
  });

  test('an instance that dies while holding it (its session gone, as after kill -9) leaves it free', async () => {
    const [a, b] = [instance(), instance()];
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const dying = ifUnlocked(a, LOCK, async () => {
      started = true;
      await holding;
    }).catch((error: unknown) => error);
    while (!started) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await ifUnlocked(b, LOCK, async () => {})).toBe(false);
    // The holder's session ends without unlocking (PostgreSQL closes it when the process dies).
    const { rows } = await b.raw("select pid from pg_locks where locktype = 'advisory' and objid = ? and granted", [LOCK]);
    expect(rows).toHaveLength(1);
    await b.raw('select pg_terminate_backend(?)', [rows[0].pid]);
    let ran = false;
    for (let i = 0; i < 50 && !ran; i++) {
      ran = await ifUnlocked(b, LOCK, async () => {});
      if (!ran) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ran).toBe(true);
    release();
    await dying;
  });
});

describe('without PostgreSQL', () => {
  test('on SQLite (one instance per file) it just runs', async () => {
    const sqlite = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    pools.push(sqlite);
    let ran = false;
    expect(await ifUnlocked(sqlite, LOCK, async () => void (ran = true))).toBe(true);
    expect(ran).toBe(true);
  });
});
