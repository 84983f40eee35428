import { notifyUsers } from '../notices/notify-department';
import { ifUnlocked } from '../shared/cluster-lock';
import { castForWrite, readRows, type DataAccess } from '../shared/data-access';
import { recomputeOpenClocks } from './recompute-open-clocks';
import { RULE_RECOMPUTE } from './request-rule-recompute';

/** The advisory lock of the recompute across instances on PostgreSQL (any constant of ours). */
const RECOMPUTE_LOCK = 21_021_021;
/** Owed recomputes read at a time; each read is served by one recompute. */
const BATCH = 1000;

const WHAT: Record<string, string> = { work_calendar: '工作日历', deadline_rules: '时限规则', rule_parameters: '规则参数' };

export interface ServedRecomputes {
  /** rule changes served (outbox entries closed) */
  changes: number;
  /** open cases whose due or warning times changed */
  moved: number;
}

type Row = Record<string, any>;

let running: Promise<ServedRecomputes> | null = null;

/**
 * Serves the recomputes that rule changes asked for (request-rule-recompute.ts) and are not done:
 * right after a change, when an instance starts, on every sweep tick. One run at a time per process
 * (a second call joins the running one) and, on PostgreSQL, across instances (an advisory lock: the
 * other instances skip, and the holder looks again after it lets go, so a change whose instance found
 * the lock taken is still served at once).
 *
 * Per batch of owed changes: the open clocks are computed once, after the changes committed (they are
 * read first), then each change is closed and its author told how many open cases got new deadlines,
 * in one transaction per author: told once, however often a crash makes the recompute run again.
 */
export function serveRuleRecomputes(data: DataAccess, timeZone: string): Promise<ServedRecomputes> {
  if (running) return running;
  const run = (async () => {
    const served: ServedRecomputes = { changes: 0, moved: 0 };
    const base: DataAccess = { services: data.services, schema: data.schema, database: data.database };
    try {
      for (;;) {
        const ran = await ifUnlocked(base.database, RECOMPUTE_LOCK, async () => {
          for (let pending = await owed(base, BATCH); pending.length > 0; pending = await owed(base, BATCH)) {
            const moved = await recomputeOpenClocks(base, timeZone);
            await closeAndTell(base, pending, moved, new Date());
            served.changes += pending.length;
            served.moved += moved;
          }
        });
        // Not ours: the holder looks again once done. Ours: a change may have committed after the last look.
        if (!ran || (await owed(base, 1)).length === 0) return served;
      }
    } finally {
      running = null;
    }
  })();
  running = run;
  return run;
}

function owed(data: DataAccess, limit: number): Promise<Row[]> {
  return readRows(data, 'outbox', ['id', 'collection', 'item', 'payload'], (query) =>
    query.where('kind', RULE_RECOMPUTE).whereNull('delivered_at').limit(limit),
  );
}

async function closeAndTell(data: DataAccess, changes: Row[], moved: number, now: Date): Promise<void> {
  const byUser = new Map<string | null, Row[]>();
  for (const change of changes) {
    const user = (payloadOf(change)['user'] as string | null | undefined) ?? null;
    byUser.set(user, [...(byUser.get(user) ?? []), change]);
  }
  for (const [user, own] of byUser) {
    await data.database.transaction(async (trx) => {
      const scoped: DataAccess = { ...data, database: trx };
      const closed = await trx('outbox')
        .whereIn(
          'id',
          own.map((change) => change['id']),
        )
        .whereNull('delivered_at')
        .update(await castForWrite(scoped, 'outbox', 'update', { delivered_at: now.toISOString() }));
      if (closed === 0 || !user) return;
      const what = [...new Set(own.map((change) => WHAT[change['collection']] ?? change['collection']))].join('、');
      await notifyUsers(
        scoped,
        { id: { _eq: user } },
        {
          subject: `已按新规则重算 ${moved} 件未结案件的时限`,
          message:
            moved > 0
              ? `${what}已修改：${moved} 件未结案件的期限和预警时间已按新规则重新计算。`
              : `${what}已修改：未结案件的期限都不受影响，无需调整。`,
          collection: String(own[0]!['collection']),
          item: String(own[0]!['item']),
        },
      );
    });
  }
}

function payloadOf(change: Row): Row {
  const payload = change['payload'];
  if (typeof payload !== 'string') return (payload as Row | null) ?? {};
  try {
    return JSON.parse(payload) as Row;
  } catch {
    return {};
  }
}
