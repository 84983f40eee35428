import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bumpRulesVersion, cachedRules, rememberRulesVersion, RULES_MAX_AGE_MS, rulesVersionColumn } from './rules-cache';

// A real SQLite file. `other` is a second connection standing for another instance: it changes a
// rule and moves the counter on with plain statements, as another process's action does.
let dir: string;
let knex: Knex;
let other: Knex;
let loads: number;
const readRules = (): Promise<{ limit: number }[]> => {
  loads++;
  return knex('rules').select('limit');
};

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'after-sales-rules-'));
  const connection = { filename: path.join(dir, 'db.sqlite') };
  knex = knexFactory({ client: 'sqlite3', connection, useNullAsDefault: true });
  other = knexFactory({ client: 'sqlite3', connection, useNullAsDefault: true });
  await knex.schema.createTable('number_sequences', (table) => {
    table.string('key').primary();
    table.integer('last_value');
  });
  await knex.schema.createTable('rules', (table) => table.integer('limit'));
  await knex('rules').insert({ limit: 13 });
  await bumpRulesVersion(knex); // a fresh module copy for every test
  loads = 0;
});
afterEach(async () => {
  await knex.destroy();
  await other.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const limit = async (now?: number) => (await cachedRules(knex, undefined, 'test', readRules, now))[0]!.limit;

describe('rule tables cached per instance, checked against one counter', () => {
  test('read once while the rules stand', async () => {
    expect(await limit()).toBe(13);
    expect(await limit()).toBe(13);
    expect(loads).toBe(1);
  });

  test('a change on another instance moves the counter on: the next write reads the new rule', async () => {
    expect(await limit()).toBe(13);
    await other('rules').update({ limit: 20 });
    // Until the other instance's change is committed and its counter moved on, the copy stands.
    expect(await limit()).toBe(13);
    await other('number_sequences').where({ key: 'rules:version' }).increment('last_value', 1);
    expect(await limit()).toBe(20);
    expect(loads).toBe(2);
  });

  test('a change on this instance drops the copy at once', async () => {
    expect(await limit()).toBe(13);
    await knex('rules').update({ limit: 15 });
    await bumpRulesVersion(knex);
    expect(await limit()).toBe(15);
  });

  test('a change made around Directus (no counter) shows within a minute', async () => {
    const start = Date.now();
    expect(await limit(start)).toBe(13);
    await knex('rules').update({ limit: 9 });
    expect(await limit(start + RULES_MAX_AGE_MS - 1)).toBe(13);
    expect(await limit(start + RULES_MAX_AGE_MS)).toBe(9);
  });

  test('a counter read as a column of another statement serves its event: no statement of its own, and a moved counter is seen', async () => {
    expect(await limit()).toBe(13);
    await other('rules').update({ limit: 21 });
    await other('number_sequences').where({ key: 'rules:version' }).increment('last_value', 1);
    const event = {};
    const [row] = await knex('rules').select('limit', rulesVersionColumn(knex, 'version'));
    rememberRulesVersion(event, row.version);
    let statements = 0;
    knex.on('query', () => statements++);
    expect((await cachedRules(knex, event, 'test', readRules))[0]!.limit).toBe(21);
    expect(statements).toBe(1); // the rules themselves, read again for the moved counter; no counter read
    // A counter this event read first stands.
    rememberRulesVersion(event, -1);
    expect((await cachedRules(knex, event, 'test', readRules))[0]!.limit).toBe(21);
    expect(loads).toBe(2);
  });

  test('one event reads the counter once; a failed read is not kept', async () => {
    const event = {};
    let statements = 0;
    knex.on('query', () => statements++);
    await cachedRules(knex, event, 'a', async () => 1);
    await cachedRules(knex, event, 'b', async () => 2);
    expect(statements).toBe(1);
    await expect(cachedRules(knex, undefined, 'broken', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    expect(await cachedRules(knex, undefined, 'broken', async () => 'read again')).toBe('read again');
  });
});
