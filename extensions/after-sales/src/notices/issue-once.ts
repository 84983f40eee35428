import type { DataAccess } from '../shared/data-access';
import { castRowsForWrite, itemsService, QUIET } from '../shared/data-access';

export interface LedgerEntry {
  key: string;
  kind: 'warning' | 'urge' | 'inquiry' | 'calendar_gap' | 'major_case' | 'reopen' | 'other_company' | 'sweep_run' | 'rule_revisions';
  collection?: string | null;
  item?: string | null;
  department?: string | null;
  due_at?: string | null;
}

/**
 * Runs `issue` at most once for a key, ever: the ledger row and what `issue` writes commit together,
 * and the unique key makes a second sweep, a restart or a second instance write nothing.
 */
export async function issueOnce(
  data: DataAccess,
  entry: LedgerEntry,
  now: Date,
  issue: (trx: DataAccess) => Promise<void>,
): Promise<boolean> {
  try {
    return await data.database.transaction(async (trx) => {
      const scoped: DataAccess = { ...data, database: trx };
      const ledger = itemsService(scoped, 'deadline_events');
      const seen = await ledger.readByQuery({ filter: { key: { _eq: entry.key } }, fields: ['id'], limit: 1 });
      if (seen.length > 0) return false;
      await ledger.createOne({ ...entry, created_at: now.toISOString() }, QUIET);
      await issue(scoped);
      return true;
    });
  } catch (error) {
    // Another instance issued the same key at the same moment: its transaction won.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Ledger rows per statement (7 columns each: well under SQLite's limit of bound values). */
const LEDGER_CHUNK = 100;
/** Notices per transaction: short enough that SQLite's one connection is not held for long. */
const BATCH = 200;

/**
 * issueOnce for many keys at a time (the sweep's clock notices): the ledger rows go in with ON
 * CONFLICT DO NOTHING, and `issue` writes for exactly the rows this call inserted, in the same
 * transaction (one per batch of 200). A key issued before (an earlier sweep, another instance) is
 * skipped; a crash before commit leaves none of its batch. Keys are inserted in order, so two
 * instances on the same keys wait for each other instead of deadlocking. Returns what was issued.
 */
export async function issueEach<T>(
  data: DataAccess,
  items: T[],
  entryOf: (item: T) => LedgerEntry,
  now: Date,
  issue: (trx: DataAccess, fresh: T[]) => Promise<void>,
): Promise<T[]> {
  const sorted = [...items].sort((a, b) => (entryOf(a).key < entryOf(b).key ? -1 : 1));
  const issued: T[] = [];
  for (let batch = 0; batch < sorted.length; batch += BATCH) {
    const items = sorted.slice(batch, batch + BATCH);
    issued.push(
      ...(await data.database.transaction(async (trx) => {
        const scoped: DataAccess = { ...data, database: trx };
        const fresh: T[] = [];
        for (let start = 0; start < items.length; start += LEDGER_CHUNK) {
          const chunk = items.slice(start, start + LEDGER_CHUNK);
          const rows = await castRowsForWrite(
            scoped,
            'deadline_events',
            'create',
            chunk.map((item) => ({ ...entryOf(item), created_at: now.toISOString() })),
          );
          const inserted: ({ key: string } | string)[] = await trx('deadline_events')
            .insert(rows)
            .onConflict('key')
            .ignore()
            .returning('key');
          const keys = new Set(inserted.map((row) => (typeof row === 'object' ? row.key : row)));
          fresh.push(...chunk.filter((item) => keys.has(entryOf(item).key)));
        }
        if (fresh.length) await issue(scoped, fresh);
        return fresh;
      })),
    );
  }
  return issued;
}

function isUniqueViolation(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`;
  return /RECORD_NOT_UNIQUE|UNIQUE constraint|duplicate key|23505/i.test(text);
}
