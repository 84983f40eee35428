import type { Department } from '../domain/departments';
import { assignCaseNumbers, readNumberingRule } from '../numbering/assign-case-number';
import { castRowsForWrite, type DataAccess } from '../shared/data-access';

/** A 催办单 to write: the case (or the monthly table) it urges, who must act, by when and why. */
export interface UrgeNotice {
  /** the ledger key that issued it */
  key: string;
  collection: string;
  item: string;
  caseNo: string | null;
  department: Department | null;
  dueAt: Date;
  reason: string;
}

/**
 * The one place 催办单 are written (clock urges and the monthly statistics urge): numbered together by
 * one counter statement on the caller's transaction, written together (no hook to run per row).
 * Returns each notice's number by its ledger key (for the mail log).
 */
export async function writeUrgeNotices(
  trx: DataAccess,
  urges: UrgeNotice[],
  now: Date,
  timeZone: string,
): Promise<Map<string, string | null>> {
  if (urges.length === 0) return new Map();
  const rule = await readNumberingRule(trx.database, 'urge_notices');
  const numbers = rule ? await assignCaseNumbers(trx.database, rule, now, timeZone, urges.length) : [];
  const rows = await castRowsForWrite(
    trx,
    'urge_notices',
    'create',
    urges.map((urge, i) => ({
      ...(rule ? { [rule.field]: numbers[i] } : {}),
      collection: urge.collection,
      item: urge.item,
      case_no: urge.caseNo,
      department: urge.department,
      clock_key: urge.key,
      due_at: urge.dueAt.toISOString(),
      issued_at: now.toISOString(),
      reason: urge.reason,
    })),
  );
  for (let start = 0; start < rows.length; start += 50) await trx.database('urge_notices').insert(rows.slice(start, start + 50));
  return new Map(urges.map((urge, i) => [urge.key, rule ? (numbers[i] ?? null) : null]));
}
