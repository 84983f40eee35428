import type { Knex } from 'knex';
import { maskedCopyOf, maskPersonal, PERSONAL_FIELDS } from '../domain/personal-data';

const PAGE = 1000;

/**
 * Upgrade step: every stored ID number and personal phone gets its masked copy, and a copy that no
 * longer matches its field (rows written before the copies existed, a restore, a change typed in
 * SQL) is written again. Plain statements, page by page in key order: no hooks, no revisions (the
 * copy is derived, not an edit). Safe to repeat: a run over correct rows writes nothing.
 * Returns the number of rows written per collection.
 */
export async function fillMaskedCopies(database: Knex): Promise<Record<string, number>> {
  const written: Record<string, number> = {};
  for (const [collection, fields] of Object.entries(PERSONAL_FIELDS)) {
    const personal = Object.keys(fields);
    const columns = [...personal, ...personal.map(maskedCopyOf)];
    const present = await Promise.all(columns.map((column) => database.schema.hasColumn(collection, column)));
    if (present.includes(false)) continue;
    let after: number | null = null;
    for (;;) {
      const query = database(collection)
        .select(['id', ...columns])
        .orderBy('id')
        .limit(PAGE);
      if (after !== null) query.where('id', '>', after);
      const rows: Record<string, unknown>[] = await query;
      if (rows.length === 0) break;
      after = Number(rows[rows.length - 1]!['id']);
      const stale = rows.flatMap((row) => {
        const wanted = Object.fromEntries(
          Object.entries(fields).map(([field, kind]) => [maskedCopyOf(field), maskPersonal(kind, row[field])]),
        );
        return Object.entries(wanted).some(([copy, value]) => (row[copy] ?? null) !== value) ? [{ id: row['id'], wanted }] : [];
      });
      if (stale.length === 0) continue;
      await database.transaction(async (trx) => {
        for (const { id, wanted } of stale) await trx(collection).where({ id }).update(wanted);
      });
      written[collection] = (written[collection] ?? 0) + stale.length;
    }
  }
  return written;
}
