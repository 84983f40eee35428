import type { Knex } from 'knex';

/**
 * Moves the counter `key` of number_sequences on by `by` (creating it at `by`) and returns its new
 * value, in one statement on the caller's connection or transaction: case-number serials and the
 * rules counter.
 */
export async function advanceSequence(database: Knex, key: string, by = 1): Promise<number> {
  const rows: { last_value: number | string }[] = await database('number_sequences')
    .insert({ key, last_value: by })
    .onConflict('key')
    .merge({ last_value: database.raw('?? + ?', ['number_sequences.last_value', by]) })
    .returning('last_value');
  return Number(rows[0]?.last_value);
}
