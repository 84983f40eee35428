import type { WaivedNotice } from '../domain/retroactive-clock';
import { castRowsForWrite, type DataAccess } from '../shared/data-access';

/** Ledger rows per statement (as in issue-once.ts: well under SQLite's limit of bound values). */
const CHUNK = 100;

/**
 * Records notices the sweep must not send (domain/retroactive-clock.ts) in the ledger of notices under the keys the
 * sweep issues them by, kind 宽免, in the caller's transaction: the clock fields and their waivers commit together.
 * A key already there (the notice was sent, or waived before) stays as it is.
 */
export async function waiveClockNotices(data: DataAccess, notices: WaivedNotice[], now: Date): Promise<void> {
  for (let start = 0; start < notices.length; start += CHUNK) {
    const rows = await castRowsForWrite(
      data,
      'deadline_events',
      'create',
      notices.slice(start, start + CHUNK).map((notice) => ({
        key: notice.key,
        kind: 'waived',
        collection: notice.collection,
        item: notice.itemId,
        due_at: notice.dueAt.toISOString(),
        created_at: now.toISOString(),
      })),
    );
    await data.database('deadline_events').insert(rows).onConflict('key').ignore();
  }
}
