import { CLOCK_DEFINITIONS } from './case-clocks';

export interface CompositeIndex {
  name: string;
  table: string;
  columns: [string, string];
}

/** PostgreSQL keeps 63 characters of a name and cuts the rest silently. */
const MAX_NAME = 63;

/** FNV-1a, 32 bits, as 8 hex digits: a short stable tag for a name that had to be cut. */
function tag(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** `<table>_<first>_<second>_index`; a longer name is cut and tagged with its hash, so two cut names never meet. */
export function indexName(table: string, first: string, second: string): string {
  const full = `${table}_${first}_${second}_index`;
  if (full.length <= MAX_NAME) return full;
  return `${full.slice(0, MAX_NAME - '_index'.length - 9).replace(/_+$/, '')}_${tag(full)}_index`;
}

const index = (table: string, first: string, second: string): CompositeIndex => ({
  name: indexName(table, first, second),
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
