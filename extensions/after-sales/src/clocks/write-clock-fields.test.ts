import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeClockFields } from './write-clock-fields';

// A real SQLite file through knex, as Directus stores a collection with clocks: timestamps as epoch milliseconds.
let dir: string;
let knex: Knex;
const at = (iso: string) => new Date(iso).getTime();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'after-sales-clock-write-'));
  knex = knexFactory({ client: 'sqlite3', connection: { filename: path.join(dir, 'db.sqlite') }, useNullAsDefault: true });
  await knex.schema.createTable('cases', (table) => {
    table.increments('id');
    table.bigInteger('due_at');
    table.bigInteger('warn_at');
  });
  await knex('cases').insert([1, 2, 3].map((id) => ({ id, due_at: at('2026-12-08T16:00:00Z'), warn_at: null })));
});
afterAll(async () => {
  await knex.destroy();
  rmSync(dir, { recursive: true, force: true });
});

test('on SQLite each case gets its own new times (the JSON-bound rows), as epoch milliseconds; null clears a field', async () => {
  await writeClockFields(knex, 'cases', 'id', 'integer', [
    { key: 1, fields: { due_at: at('2026-12-15T16:00:00Z'), warn_at: at('2026-12-12T16:00:00Z') } },
    { key: 3, fields: { due_at: null } },
  ]);
  const rows = await knex('cases').select('id', 'due_at', 'warn_at').orderBy('id');
  expect(rows).toEqual([
    { id: 1, due_at: at('2026-12-15T16:00:00Z'), warn_at: at('2026-12-12T16:00:00Z') },
    { id: 2, due_at: at('2026-12-08T16:00:00Z'), warn_at: null },
    { id: 3, due_at: null, warn_at: null },
  ]);
});
