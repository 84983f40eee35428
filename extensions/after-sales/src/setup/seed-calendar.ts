import data from 'chinese-days/dist/chinese-days.json';
import { officialCalendar } from '../domain/official-calendar';
import { zonedParts } from '../domain/zoned-time';
import { businessTimeZone } from '../shared/business-time-zone';
import { insertMissingRows } from './seed-rows';
import type { SetupContext } from './setup-context';

/** Official holidays and 调休 of this year and next (as far as the data package knows them). */
export async function seedCalendar(ctx: SetupContext, schema: unknown): Promise<number> {
  const { year } = zonedParts(ctx.now, businessTimeZone(ctx.env));
  return insertMissingRows(
    ctx,
    schema,
    'work_calendar',
    ['date'],
    officialCalendar(data, [year, year + 1]).map((day) => ({ ...day })),
  );
}
