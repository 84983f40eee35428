import type { Knex } from 'knex';
import { cachedRules } from '../shared/rules-cache';
import { advanceSequence } from '../shared/sequences';
import { formatCaseNumber, numberingPeriod, sequenceKey, type NumberingRule } from '../domain/case-number';
import { numberedPairViolation } from '../domain/numbered-fields';

/**
 * Takes the next serial for the rule's collection and period and returns the formatted number.
 * Runs on the caller's transaction (a case's creation, a complaint's registration move): the counter
 * row stays locked until the case is committed, and rolls back with it, so numbers are unique and gap-free.
 */
export async function assignCaseNumber(database: Knex, rule: NumberingRule, now: Date, timeZone: string): Promise<string> {
  const period = numberingPeriod(now, rule.period_format, timeZone);
  const serial = await advanceSequence(database, sequenceKey(rule.collection, period));
  return formatCaseNumber(rule, period, serial);
}

/** `count` consecutive numbers in one statement (the sweep's batch of urge notices), on the caller's transaction. */
export async function assignCaseNumbers(
  database: Knex,
  rule: NumberingRule,
  now: Date,
  timeZone: string,
  count: number,
): Promise<string[]> {
  if (count <= 0) return [];
  const period = numberingPeriod(now, rule.period_format, timeZone);
  const last = await advanceSequence(database, sequenceKey(rule.collection, period), count);
  return Array.from({ length: count }, (_, i) => formatCaseNumber(rule, period, last - count + 1 + i));
}

/**
 * The collection's numbering rule, if it has one (this instance's copy while the rules stand). A stored rule on
 * another field than the collection's numbered one (from before such rules were refused, or written around
 * Directus) is not applied: it would overwrite what staff typed there (domain/numbered-fields.ts).
 */
export async function readNumberingRule(database: Knex, collection: string, event?: object): Promise<NumberingRule | undefined> {
  const rule: NumberingRule | undefined = await cachedRules(database, event, `numbering:${collection}`, () =>
    database('numbering_rules').where({ collection }).first(),
  );
  return rule && numberedPairViolation({ collection: rule.collection, field: rule.field }, null) === null ? rule : undefined;
}
