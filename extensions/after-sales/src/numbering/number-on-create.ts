import type { Knex } from 'knex';
import { ServerSetFieldError } from '../errors/server-set-field-error';
import { assignCaseNumber, readNumberingRule } from './assign-case-number';

/** Collections numbered at a later step, not when created (a complaint when the GM Office registers it). */
const NUMBERED_LATER = new Set(['complaints']);

/**
 * Filter for `items.create`: sets the case number from the collection's numbering rule, refusing
 * a number sent by the client (numbers are never typed in, so they can never collide).
 */
export async function numberOnCreate(
  payload: Record<string, unknown>,
  collection: string,
  database: Knex,
  now: Date,
  timeZone: string,
): Promise<Record<string, unknown>> {
  if (NUMBERED_LATER.has(collection)) return payload;
  const rule = await readNumberingRule(database, collection);
  if (!rule) return payload;
  if (payload[rule.field] !== undefined && payload[rule.field] !== null && payload[rule.field] !== '') {
    throw new ServerSetFieldError({ field: rule.field, label: rule.name });
  }
  return { ...payload, [rule.field]: await assignCaseNumber(database, rule, now, timeZone) };
}
