import { CLOCK_DEFINITIONS } from './case-clocks';

export interface CompositeIndex {
  name: string;
  table: string;
  columns: [string, string];
}

const index = (table: string, first: string, second: string): CompositeIndex => ({
  name: `${table}_${first}_${second}_index`,
  table,
  columns: [first, second],
});

/**
 * Two-column indexes for the scans that run every few minutes, so that their cost follows the
 * cases they find, not all open cases. A running clock is "stop time empty and warning time past";
 * with only single-column indexes SQLite (which keeps no statistics unless asked) takes the
 * `stop IS NULL` equality as the better index and walks every open case. With (stop, warn) and
 * (stop, due) both conditions are answered by one index range, on SQLite and PostgreSQL alike.
 * Directus's schema snapshot describes one-column indexes only, so setup adds these.
 */
export const CLOCK_INDEXES: CompositeIndex[] = [
  ...CLOCK_DEFINITIONS.flatMap((definition) =>
    definition.stop
      ? [index(definition.collection, definition.stop, definition.warn), index(definition.collection, definition.stop, definition.due)]
      : [],
  ),
  // K-INQUIRE: closed complaints whose handling times are not yet checked.
  index('complaints', 'stage', 'timeliness_checked_at'),
  // Each scheduled run forgets the run rows older than a week (domain/schedule-tick.ts).
  index('deadline_events', 'kind', 'created_at'),
];
