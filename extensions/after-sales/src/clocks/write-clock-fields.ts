import type { Knex } from 'knex';

/** New due/warning times of one case: field → ISO instant or null (the clock no longer runs). */
export interface ClockFieldChange {
  key: string | number;
  fields: Record<string, string | null>;
}

/**
 * Rows per UPDATE: each row binds its key once in `IN (…)` and twice per changed field in the CASE, so a
 * complaint with two moved clocks takes 9 variables and a claim report with every clock moved 17: at most
 * ~4,300 per statement, far under SQLite's 32,766 (3.32+) and PostgreSQL's 65,535.
 */
export const ROWS_PER_STATEMENT = 250;

/**
 * Writes the clock fields of many cases with one statement per ROWS_PER_STATEMENT rows:
 * `UPDATE t SET due_at = CASE id WHEN ? THEN ? … ELSE due_at END, … WHERE id IN (…)`, on SQLite and
 * PostgreSQL alike. Only the due/warning timestamps the system computes are written: no hooks, no
 * revisions, and `date_updated`/`user_updated` stay as the last person who edited the case left them
 * (a recompute is nobody's edit). Values are stored as Directus stores a `timestamp` field: epoch
 * milliseconds on SQLite, timestamptz on PostgreSQL (the CASE needs the cast there: bound parameters
 * are text). Run it on the caller's transaction.
 */
export async function writeClockFields(database: Knex, collection: string, primary: string, changes: ClockFieldChange[]): Promise<void> {
  const client = String(database.client.config.client);
  const then = client === 'pg' ? 'THEN CAST(? AS timestamptz)' : 'THEN ?';
  const stored = (iso: string | null) => {
    if (iso === null) return null;
    const at = new Date(iso);
    if (client === 'sqlite3') return at.getTime();
    return client === 'pg' ? at.toISOString() : at;
  };
  for (let start = 0; start < changes.length; start += ROWS_PER_STATEMENT) {
    const chunk = changes.slice(start, start + ROWS_PER_STATEMENT);
    const columns = [...new Set(chunk.flatMap((change) => Object.keys(change.fields)))];
    const update: Record<string, Knex.Raw> = {};
    for (const column of columns) {
      const rows = chunk.filter((change) => column in change.fields);
      const whens = rows.map(() => `WHEN ? ${then}`).join(' ');
      const bindings = rows.flatMap((change) => [change.key, stored(change.fields[column] ?? null)]);
      update[column] = database.raw(`CASE ?? ${whens} ELSE ?? END`, [primary, ...bindings, column]);
    }
    await database(collection)
      .whereIn(
        primary,
        chunk.map((change) => change.key),
      )
      .update(update);
  }
}
