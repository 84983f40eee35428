import { CLOCK_LIMIT_PARAMETERS, withLimitParameters, type StoredDeadlineRule } from '../domain/case-clocks';
import { createWorkCalendar, type CalendarEntry, type WorkCalendar } from '../domain/work-calendar';
import { readRows, type DataAccess } from '../shared/data-access';
import { cachedRules } from '../shared/rules-cache';

export interface ClockContext {
  rules: StoredDeadlineRule[];
  calendar: WorkCalendar;
}

/** The deadline rules and the calendar for a case write: this instance's copy while the rules stand. */
export function currentClockContext(data: DataAccess): Promise<ClockContext> {
  return cachedRules(data.database, data.event, 'clocks', () => loadClockContext(data));
}

/**
 * The deadline rules and the working-day calendar as they are now, read afresh (on the caller's transaction).
 * A limit that a rule parameter sets (the HQ report hours) comes from the parameter.
 */
export async function loadClockContext(data: DataAccess): Promise<ClockContext> {
  const limitParameters = Object.values(CLOCK_LIMIT_PARAMETERS).map((source) => source.parameter);
  const [rules, entries, parameters] = await Promise.all([
    readRows(data, 'deadline_rules', [
      'key',
      'name',
      'case_collection',
      'milestone',
      'limit_value',
      'limit_unit',
      'warn_ratio',
      'urge_department',
      'active',
      'applies_when',
    ]),
    readRows(data, 'work_calendar', ['date', 'is_workday', 'source']),
    data.database('rule_parameters').whereIn('key', limitParameters).select('key', 'value') as Promise<Record<string, unknown>[]>,
  ]);
  const stored = rules.map((rule) => ({
    ...rule,
    limit_value: Number(rule['limit_value']),
    warn_ratio: Number(rule['warn_ratio'] ?? 0.8),
    active: Boolean(rule['active']),
  })) as StoredDeadlineRule[];
  return {
    rules: withLimitParameters(stored, Object.fromEntries(parameters.map((row) => [String(row['key']), row['value']]))),
    calendar: createWorkCalendar(
      entries.map((entry): CalendarEntry => ({
        date: String(entry['date']).slice(0, 10),
        is_workday: Boolean(entry['is_workday']),
        source: entry['source'] ?? null,
      })),
    ),
  };
}
