import { CLOCK_DEFINITIONS, caseClockFields, runningClockFilter } from '../domain/case-clocks';
import { itemsService, QUIET, readAll, type DataAccess } from '../shared/data-access';
import { loadClockContext } from './clock-context';

/**
 * After the calendar or a deadline rule changes, every running clock is computed again, so a
 * holiday added today moves the due date of cases already open. Returns how many cases moved.
 */
export async function recomputeOpenClocks(data: DataAccess, timeZone: string): Promise<number> {
  const { rules, calendar } = await loadClockContext(data);
  let moved = 0;
  for (const definition of CLOCK_DEFINITIONS) {
    const filter = { _and: [{ [definition.start]: { _nnull: true } }, ...runningClockFilter(definition)] };
    const open = await readAll(data, definition.collection, { filter, fields: ['*'] });
    // The system rewrites only its own due/warn fields; no hooks, no revision noise.
    const service = itemsService(data, definition.collection);
    for (const item of open) {
      const fields = caseClockFields(definition, item, rules, calendar, timeZone);
      const changed = Object.entries(fields).some(([field, value]) => (item[field] ? new Date(item[field]).toISOString() : null) !== value);
      if (!changed) continue;
      await service.updateOne(item['id'], fields, QUIET);
      moved++;
    }
  }
  return moved;
}
