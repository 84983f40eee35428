import type { CreateWrite, HandlerContext } from '../shared/handler-context';
import { assignCaseNumber, readNumberingRule } from './assign-case-number';

/** Collections numbered at a later step, not when created (a complaint when the GM Office registers it). */
const NUMBERED_LATER = new Set(['complaints']);

/**
 * Filter for `items.create`: sets the case number from the collection's numbering rule. A number
 * sent by the client never gets here (see reject-forged-fields.ts), so numbers never collide.
 */
export async function numberOnCreate(
  { database, event, now, timeZone }: HandlerContext,
  { collection, payload }: CreateWrite,
): Promise<Record<string, unknown>> {
  if (NUMBERED_LATER.has(collection)) return payload;
  const rule = await readNumberingRule(database, collection, event);
  if (!rule) return payload;
  return { ...payload, [rule.field]: await assignCaseNumber(database, rule, now, timeZone) };
}
