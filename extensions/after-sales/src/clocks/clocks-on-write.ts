import { caseClockFields, clockDefinitionsFor, clockMayRun } from '../domain/case-clocks';
import { createWorkCalendar } from '../domain/work-calendar';
import { STAGE_HOLDERS } from '../domain/departments';
import { currentClockContext } from './clock-context';
import { readStored, type DataAccess } from '../shared/data-access';
import type { CreateWrite, HandlerContext, UpdateWrite } from '../shared/handler-context';
import { sameForEveryItem } from '../shared/same-for-every-item';

type Item = Record<string, unknown>;

/**
 * Fields the server derives from the item itself before its clocks: when a report was taken,
 * who holds a complaint in its stage, when the stage was entered, when the case was closed.
 */
function derivedFields(collection: string, merged: Item, changes: Item, creating: boolean, now: Date): Item {
  const derived: Item = {};
  if (collection === 'claim_reports' && creating && !merged['reported_at']) derived['reported_at'] = now.toISOString();
  if (collection === 'petitions' && creating) derived['submitted_at'] = now.toISOString();
  if (collection === 'complaints' && (creating || 'stage' in changes)) {
    const stage = String(merged['stage'] ?? 'draft');
    derived['holding_department'] = STAGE_HOLDERS[stage] ?? null;
    derived['stage_entered_at'] = now.toISOString();
    if (stage === 'closed' && !merged['closed_at']) derived['closed_at'] = now.toISOString();
  }
  return derived;
}

async function clockFieldsFor(collection: string, item: Item, data: DataAccess, timeZone: string): Promise<Item> {
  const definitions = clockDefinitionsFor(collection);
  if (definitions.length === 0) return {};
  // No clock can run (not started, a report that is no major case): no rules or calendar to read.
  const { rules, calendar } = definitions.some((definition) => clockMayRun(definition, item))
    ? await currentClockContext(data)
    : { rules: [], calendar: createWorkCalendar([]) };
  return Object.assign({}, ...definitions.map((definition) => caseClockFields(definition, item, rules, calendar, timeZone)));
}

/** Filter for `items.create`: the new case leaves with its due and warning times set. */
export async function clocksOnCreate(data: HandlerContext, { collection, payload }: CreateWrite): Promise<Item> {
  const { now, timeZone } = data;
  if (clockDefinitionsFor(collection).length === 0) return payload;
  const withDerived = { ...payload, ...derivedFields(collection, payload, payload, true, now) };
  return { ...withDerived, ...(await clockFieldsFor(collection, withDerived, data, timeZone)) };
}

/** Filter for `items.update`: recomputes the clocks when a field they depend on changes. */
export async function clocksOnUpdate(data: HandlerContext, { collection, keys, payload }: UpdateWrite): Promise<Item> {
  const { now, timeZone } = data;
  const definitions = clockDefinitionsFor(collection);
  const inputs = new Set(definitions.flatMap((definition) => definition.inputs));
  if (!Object.keys(payload).some((field) => inputs.has(field))) return payload;
  const existing = await readStored(data, collection, keys);
  const results = await Promise.all(
    existing.map(async (row) => {
      const merged = { ...row, ...payload };
      const derived = derivedFields(collection, merged, payload, false, now);
      return { ...derived, ...(await clockFieldsFor(collection, { ...merged, ...derived }, data, timeZone)) };
    }),
  );
  return { ...payload, ...sameForEveryItem(results) };
}
