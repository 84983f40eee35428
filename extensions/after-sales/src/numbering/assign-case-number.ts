import type { Knex } from 'knex';
import { cachedRules } from '../shared/rules-cache';
import { advanceSequence } from '../shared/sequences';
import { caseNumberHead, formatCaseNumber, numberingPeriod, sequenceKey, type NumberingRule } from '../domain/case-number';

/**
 * Takes the next serial for the rule's collection and period and returns the formatted number.
 * Runs on the caller's transaction: the counter row stays locked until the case is committed,
 * and rolls back with it, so numbers are unique and gap-free.
 */
export async function assignCaseNumber(database: Knex, rule: NumberingRule, now: Date, timeZone: string): Promise<string> {
  const period = numberingPeriod(now, rule.period_format, timeZone);
  const serial = await advanceSequence(database, sequenceKey(rule.collection, period));
  return formatCaseNumber(rule, period, serial);
}

/**
 * Gives an existing case its number exactly once, for numbers assigned on an update (a complaint
 * at registration): Directus runs update filters outside the update's transaction, so the serial
 * is taken and written to the case on its own. A second registration of the same case at the same
 * moment (another clerk, another instance) finds the number already written, takes no serial, so
 * no number is skipped, and answers with the case's number.
 *
 * The counter row is what every registration of the period waits for, so it is held as briefly as
 * the database allows: on PostgreSQL one statement locks the case, moves the counter on and writes
 * the number, and the lock goes with that statement; elsewhere (SQLite: one writer at a time
 * anyway) a transaction takes the serial and writes it, or rolls back when the case was numbered.
 */
export async function numberCaseOnce(database: Knex, table: string, id: string | number, rule: NumberingRule, now: Date, timeZone: string): Promise<string> {
  const taken = database.client.config.client === 'pg' ? await numberInOneStatement(database, table, id, rule, now, timeZone) : await numberInTransaction(database, table, id, rule, now, timeZone);
  if (taken) return taken;
  const row = await database(table).where({ id }).first(rule.field);
  return String(row?.[rule.field]);
}

async function numberInTransaction(database: Knex, table: string, id: string | number, rule: NumberingRule, now: Date, timeZone: string): Promise<string | null> {
  return database.transaction(async (trx) => {
    const number = await assignCaseNumber(trx, rule, now, timeZone);
    const written = await trx(table).where({ id }).whereNull(rule.field).update({ [rule.field]: number });
    if (written !== 1) throw ALREADY_NUMBERED;
    return number;
  }).catch((error: unknown) => {
    if (error === ALREADY_NUMBERED) return null;
    throw error;
  });
}

/**
 * PostgreSQL: the case row is locked first (FOR UPDATE; a second registration waits there and, once
 * the first has committed, no longer finds the case unnumbered), then the counter moves on only if
 * the case was found, and the number is written as formatCaseNumber writes it: the head, then the
 * serial zero-padded to at least min_digits and never cut (lpad alone would cut). Null when the
 * case was numbered already.
 */
async function numberInOneStatement(database: Knex, table: string, id: string | number, rule: NumberingRule, now: Date, timeZone: string): Promise<string | null> {
  const period = numberingPeriod(now, rule.period_format, timeZone);
  const result = await database.raw(
    `with target as (select ?? from ?? where ?? = ? and ?? is null for update),
     serial as (
       insert into number_sequences (key, last_value) select ?, 1 from target
       on conflict (key) do update set last_value = number_sequences.last_value + 1
       returning last_value
     )
     update ?? set ?? = ? || lpad(serial.last_value::text, greatest(?, length(serial.last_value::text)), '0')
     from serial where ??.?? = ?
     returning ??.?? as number`,
    ['id', table, 'id', id, rule.field, sequenceKey(rule.collection, period), table, rule.field, caseNumberHead(rule, period), rule.min_digits, table, 'id', id, table, rule.field],
  );
  const row = (result.rows as { number: string }[])[0];
  return row ? row.number : null;
}

const ALREADY_NUMBERED = Symbol('already numbered');

/** The collection's numbering rule, if it has one (this instance's copy while the rules stand). */
export function readNumberingRule(database: Knex, collection: string, event?: object): Promise<NumberingRule | undefined> {
  return cachedRules(database, event, `numbering:${collection}`, () => database('numbering_rules').where({ collection }).first());
}
