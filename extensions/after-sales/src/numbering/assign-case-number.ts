import type { Knex } from 'knex';
import { cachedRules } from '../shared/rules-cache';
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

/**
 * Gives an existing case its number exactly once, for numbers assigned on an update (a complaint
 * at registration): Directus runs update filters outside the update's transaction, so the serial
 * is taken and written to the case in a transaction of its own. A second registration of the same
 * case at the same moment (another clerk, another instance) finds the number already written; its
 * serial rolls back, so no number is skipped, and it answers with the case's number.
 */
export async function numberCaseOnce(database: Knex, table: string, id: string | number, rule: NumberingRule, now: Date, timeZone: string): Promise<string> {
  const taken = await database.transaction(async (trx) => {
    const number = await assignCaseNumber(trx, rule, now, timeZone);
    const written = await trx(table).where({ id }).whereNull(rule.field).update({ [rule.field]: number });
    if (written !== 1) throw ALREADY_NUMBERED;
    return number;
  }).catch((error: unknown) => {
    if (error === ALREADY_NUMBERED) return null;
    throw error;
  });
  if (taken) return taken;
  const row = await database(table).where({ id }).first(rule.field);
  return String(row?.[rule.field]);
}

const ALREADY_NUMBERED = Symbol('already numbered');

/** The collection's numbering rule, if it has one (this instance's copy while the rules stand). */
export function readNumberingRule(database: Knex, collection: string, event?: object): Promise<NumberingRule | undefined> {
  return cachedRules(database, event, `numbering:${collection}`, () => database('numbering_rules').where({ collection }).first());
}
