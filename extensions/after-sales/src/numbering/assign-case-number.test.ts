import knexFactory, { type Knex } from 'knex';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { bumpRulesVersion } from '../shared/rules-cache';
import { readNumberingRule } from './assign-case-number';

// A real (in-memory) SQLite database holding rules as an older release could have stored them.
let knex: Knex;
beforeEach(async () => {
  knex = knexFactory({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  await knex.schema.createTable('number_sequences', (table) => {
    table.string('key').primary();
    table.integer('last_value');
  });
  await knex.schema.createTable('numbering_rules', (table) => {
    table.increments('id');
    for (const column of ['collection', 'field', 'name', 'prefix', 'period_format']) table.string(column);
    table.integer('min_digits');
  });
  const rule = { name: '规则', prefix: 'X', period_format: 'YYMM', min_digits: 2 };
  await knex('numbering_rules').insert([
    { ...rule, collection: 'letters', field: 'letter_no' },
    { ...rule, collection: 'complaint_monthly_stats', field: 'period' },
    { ...rule, collection: 'complaints', field: 'customer_name' },
  ]);
  await bumpRulesVersion(knex);
});
afterEach(async () => {
  await knex.destroy();
});

test('a stored rule numbers only the numbered field of its collection; one on another field is not applied', async () => {
  expect(await readNumberingRule(knex, 'letters')).toMatchObject({ collection: 'letters', field: 'letter_no' });
  expect(await readNumberingRule(knex, 'complaint_monthly_stats')).toBeUndefined();
  expect(await readNumberingRule(knex, 'complaints')).toBeUndefined();
  expect(await readNumberingRule(knex, 'claim_reports')).toBeUndefined();
});
