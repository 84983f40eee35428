import type { Knex } from 'knex';
import { formatCaseNumber, numberingPeriod, sequenceKey, type NumberingRule } from '../domain/case-number';

/**
 * Takes the next serial for the rule's collection and period and returns the formatted number.
 * Runs on the caller's transaction: the counter row stays locked until the case is committed,
 * and rolls back with it, so numbers are unique and gap-free.
 */
export async function assignCaseNumber(database: Knex, rule: NumberingRule, now: Date, timeZone: string): Promise<string> {
  const period = numberingPeriod(now, rule.period_format, timeZone);
  const key = sequenceKey(rule.collection, period);
  const rows: { last_value: number | string }[] = await database('number_sequences')
    .insert({ key, last_value: 1 })
    .onConflict('key')
    .merge({ last_value: database.raw('?? + 1', ['number_sequences.last_value']) })
    .returning('last_value');
  const serial = Number(rows[0]?.last_value);
  return formatCaseNumber(rule, period, serial);
}

export async function readNumberingRule(database: Knex, collection: string): Promise<NumberingRule | undefined> {
  return database('numbering_rules').where({ collection }).first();
}
