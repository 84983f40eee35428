import type { DataAccess } from '../shared/data-access';
import { itemsService, QUIET } from '../shared/data-access';

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
export async function issueOnce(data: DataAccess, entry: LedgerEntry, now: Date, issue: (trx: DataAccess) => Promise<void>): Promise<boolean> {
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

function isUniqueViolation(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`;
  return /RECORD_NOT_UNIQUE|UNIQUE constraint|duplicate key|23505/i.test(text);
}
