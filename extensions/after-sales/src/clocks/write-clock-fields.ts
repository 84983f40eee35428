import type { Knex } from 'knex';

/** New due/warning times of one case: field → epoch milliseconds or null (the clock no longer runs). */
export interface ClockFieldChange {
  key: string | number;
  fields: Record<string, number | null>;
}

/**
 * Rows per UPDATE: each row binds its key and one value per changed field, so a complaint with two moved
 * clocks takes 5 variables and a claim report with every clock moved 9: at most 4,500 per statement, far
 * under SQLite's 32,766 (3.32+) and PostgreSQL's 65,535.
 */
export const ROWS_PER_STATEMENT = 500;

/** PostgreSQL types of the keys Directus creates, for the cast of the bound values (they arrive as text). */
const PG_KEY_TYPES: Record<string, string> = { integer: 'integer', bigInteger: 'bigint', uuid: 'uuid' };

/**
 * Writes the clock fields of many cases with one statement per ROWS_PER_STATEMENT rows that change the same
 * fields: `UPDATE t SET due_at = v.column2, … FROM (VALUES (?, ?, …), …) AS v WHERE t.id = v.column1`, on
 * SQLite (3.33+) and PostgreSQL alike: the rows are joined by key, where a `CASE id WHEN …` compares every row
 * with every key of the statement (twice the CPU of the database at 250 rows a statement). Only the due/warning
 * timestamps the system computes are written: no hooks, no revisions, and `date_updated`/`user_updated` stay as
 * the last person who edited the case left them (a recompute is nobody's edit). Values are stored as Directus
 * stores a `timestamp` field: epoch milliseconds on SQLite, timestamptz on PostgreSQL (cast there, with the key:
 * bound parameters are text). On SQLite the rows are bound as one JSON array instead of a VALUES list (below).
 * `keyType` is the Directus type of the primary key. Run it on the caller's transaction.
 */
export async function writeClockFields(
  database: Knex,
  collection: string,
  primary: string,
  keyType: string,
  changes: ClockFieldChange[],
): Promise<void> {
  const pg = String(database.client.config.client) === 'pg';
  const byFields = new Map<string, ClockFieldChange[]>();
  for (const change of changes) {
    const fields = Object.keys(change.fields).sort().join(',');
    const group = byFields.get(fields);
    if (group) group.push(change);
    else byFields.set(fields, [change]);
  }
  for (const [joined, group] of byFields) {
    const fields = joined.split(',');
    for (let start = 0; start < group.length; start += ROWS_PER_STATEMENT) {
      const chunk = group.slice(start, start + ROWS_PER_STATEMENT);
      if (pg) await updateFromValues(database, collection, primary, keyType, fields, chunk);
      else await updateFromJson(database, collection, primary, fields, chunk);
    }
  }
}

/** PostgreSQL: `UPDATE … FROM (VALUES (?, ?, …), …)`, the key and the times cast (bound parameters are text). */
async function updateFromValues(
  database: Knex,
  collection: string,
  primary: string,
  keyType: string,
  fields: string[],
  chunk: ClockFieldChange[],
): Promise<void> {
  const row = `(${[`CAST(? AS ${PG_KEY_TYPES[keyType] ?? 'text'})`, ...fields.map(() => 'CAST(? AS timestamptz)')].join(', ')})`;
  const set = fields.map((_, i) => `?? = v.column${i + 2}`).join(', ');
  const iso = (epoch: number | null) => (epoch === null ? null : new Date(epoch).toISOString());
  const values = chunk.flatMap((change) => [change.key, ...fields.map((field) => iso(change.fields[field] ?? null))]);
  await database.raw(`UPDATE ?? SET ${set} FROM (VALUES ${chunk.map(() => row).join(', ')}) AS v WHERE ??.?? = v.column1`, [
    collection,
    ...fields,
    ...values,
    collection,
    primary,
  ]);
}

/**
 * SQLite: the rows as one JSON array bound once (`[[key, due, warn], …]`, times as epoch milliseconds, read with
 * json_each), which costs the driver a third to a half less CPU than binding every value of a VALUES list (side
 * by side, 100k rows).
 */
async function updateFromJson(
  database: Knex,
  collection: string,
  primary: string,
  fields: string[],
  chunk: ClockFieldChange[],
): Promise<void> {
  const rows = chunk.map((change) => [change.key, ...fields.map((field) => change.fields[field] ?? null)]);
  const set = fields.map((_, i) => `?? = v.value ->> ${i + 1}`).join(', ');
  await database.raw(`UPDATE ?? SET ${set} FROM json_each(?) AS v WHERE ??.?? = v.value ->> 0`, [
    collection,
    ...fields,
    JSON.stringify(rows),
    collection,
    primary,
  ]);
}
