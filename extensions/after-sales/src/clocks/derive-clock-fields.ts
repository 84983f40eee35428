import { caseClockFields, clockDefinitionsFor, clockMayRun } from '../domain/case-clocks';
import { createWorkCalendar } from '../domain/work-calendar';
import { STAGE_HOLDERS } from '../domain/departments';
import { currentClockContext } from './clock-context';
import type { DataAccess } from '../shared/data-access';

type Item = Record<string, unknown>;

/** The stages a complaint reaches from 运营部调查 (and from no stage before it). */
const INVESTIGATED_STAGES = ['tech_analysis', 'plan_review'];

/**
 * Fields the server derives from the item itself before its clocks: when a report was taken,
 * who holds a complaint in its stage, when the stage was entered, when the case was closed.
 */
export function derivedFields(collection: string, merged: Item, changes: Item, creating: boolean, now: Date): Item {
  const derived: Item = {};
  if (collection === 'claim_reports' && creating && !merged['reported_at']) derived['reported_at'] = now.toISOString();
  if (collection === 'petitions' && creating) derived['submitted_at'] = now.toISOString();
  if (collection === 'complaints' && (creating || 'stage' in changes)) {
    const stage = String(merged['stage'] ?? 'draft');
    derived['holding_department'] = STAGE_HOLDERS[stage] ?? null;
    derived['stage_entered_at'] = now.toISOString();
    if (stage === 'closed' && !merged['closed_at']) derived['closed_at'] = now.toISOString();
    // K-REPORT3D: the investigation is done when the complaint first goes on to 技术部分析 or 综合意见.
    if (INVESTIGATED_STAGES.includes(stage) && !merged['investigated_at']) derived['investigated_at'] = now.toISOString();
  }
  return derived;
}

/** The due and warning times of every clock of the collection, for the item as it will be stored. */
export async function clockFieldsFor(collection: string, item: Item, data: DataAccess, timeZone: string): Promise<Item> {
  const definitions = clockDefinitionsFor(collection);
  if (definitions.length === 0) return {};
  // No clock can run (not started, a report that is no major case): no rules or calendar to read.
  const { rules, calendar } = definitions.some((definition) => clockMayRun(definition, item))
    ? await currentClockContext(data)
    : { rules: [], calendar: createWorkCalendar([]) };
  return Object.assign({}, ...definitions.map((definition) => caseClockFields(definition, item, rules, calendar, timeZone)));
}
