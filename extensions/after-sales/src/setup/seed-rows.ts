import { readYaml } from './read-yaml';
import type { SetupContext } from './setup-context';

type Row = Record<string, unknown>;
interface RowsFile {
  [collection: string]: { key: string[]; rows: Row[] };
}

const keyOf = (row: Row, key: string[]) => key.map((k) => String(row[k])).join('\u0000');

/**
 * Inserts the rows whose key is not in the table yet. Defaults are seeded this way, so an
 * administrator's edits and deletions survive every restart.
 */
export async function insertMissingRows(ctx: SetupContext, schema: unknown, collection: string, key: string[], rows: Row[]): Promise<number> {
  const items = new ctx.services['ItemsService'](collection, { knex: ctx.database, schema, accountability: null });
  const existing: Row[] = await items.readByQuery({ fields: key, limit: -1 });
  const present = new Set(existing.map((row) => keyOf(row, key)));
  const missing = rows.filter((row) => !present.has(keyOf(row, key)));
  // Quiet: seeding is not a user's edit, and the CLI exits before after-commit hooks could finish.
  if (missing.length > 0) await items.createMany(missing, { emitEvents: false });
  return missing.length;
}

export async function seedRowsFile(ctx: SetupContext, schema: unknown, file: string): Promise<number> {
  const tables = await readYaml<RowsFile>(ctx.snapshotsPath, file);
  let inserted = 0;
  for (const [collection, { key, rows }] of Object.entries(tables)) {
    inserted += await insertMissingRows(ctx, schema, collection, key, rows);
  }
  return inserted;
}
