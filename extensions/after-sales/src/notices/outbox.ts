import { complaintFollowUp, FOLLOW_UP_FIELDS } from '../complaints/follow-up';
import { complaintRules } from '../complaints/complaint-rules';
import { levelsAtOrAbove } from '../domain/approval-authority';
import { STAGE_LABELS } from '../domain/complaint-workflow';
import { castForWrite, readRows, type DataAccess } from '../shared/data-access';
import { notifyUsers } from './notify-department';

export interface OutboxEntry {
  key: string;
  /** rule_recompute: served by clocks/serve-rule-recomputes.ts, not here */
  kind: 'follow_up' | 'approval_request' | 'rule_recompute';
  collection: string;
  item: string;
  payload: Record<string, unknown>;
}

/**
 * Notices and other after-effects of a case action, written in the action's own transaction: they
 * exist exactly when the action committed. `deliverOutbox` sends them after commit; a crash between
 * commit and delivery leaves them pending for the next delivery (the sweep, the next start).
 */
export async function enqueue(data: DataAccess, entries: OutboxEntry[], now: Date): Promise<string[]> {
  for (const entry of entries) {
    // A key already queued (the same notice asked for twice) is queued once.
    await data
      .database('outbox')
      .insert(await castForWrite(data, 'outbox', 'create', { ...entry, created_at: now.toISOString(), delivered_at: null }))
      .onConflict('key')
      .ignore();
  }
  return entries.map((entry) => entry.key);
}

type Row = Record<string, any>;

/**
 * Sends pending entries (those named, or every pending one), each exactly once: an entry is marked
 * delivered in the transaction that writes its notifications, and the follow-ups it starts are
 * keyed in the deadline ledger (issue-once), so a retry or a second instance writes nothing twice.
 */
export async function deliverOutbox(data: DataAccess, now: Date, keys?: string[]): Promise<number> {
  if (keys && keys.length === 0) return 0;
  const pending = await readRows(data, 'outbox', ['id', 'key', 'kind', 'collection', 'item', 'payload'], (query) => {
    query.whereNull('delivered_at').whereNot('kind', 'rule_recompute').limit(500);
    if (keys) query.whereIn('key', keys);
  });
  let delivered = 0;
  for (const entry of pending) {
    if (entry['kind'] === 'follow_up') {
      const [complaint] = await readRows(data, 'complaints', FOLLOW_UP_FIELDS, (query) => query.where('id', entry['item']));
      if (complaint) await complaintFollowUp(data, complaint, now);
      delivered += await markDelivered(data, entry, now);
    } else {
      await data.database.transaction(async (trx) => {
        const scoped = { ...data, database: trx };
        if ((await markDelivered(scoped, entry, now)) === 0) return;
        await requestApproval(scoped, entry);
        delivered++;
      });
    }
  }
  return delivered;
}

async function markDelivered(data: DataAccess, entry: Row, now: Date): Promise<number> {
  return data
    .database('outbox')
    .where('id', entry['id'])
    .whereNull('delivered_at')
    .update(await castForWrite(data, 'outbox', 'update', { delivered_at: now.toISOString() }));
}

/** K-CONCLUDE1D / K-AUTHORITY: the holders of the needed level, or a higher one, are told that a decision waits for them. */
async function requestApproval(data: DataAccess, entry: Row): Promise<void> {
  const { level, stage } = entry['payload'] as { level: string; stage: string };
  const { authorities } = await complaintRules(data);
  const levels = levelsAtOrAbove(level, authorities);
  const [complaint] = await readRows(data, 'complaints', ['id', 'complaint_no', 'offer_amount'], (query) =>
    query.where('id', entry['item']),
  );
  if (!complaint) return;
  const name = complaint['complaint_no'] ?? `#${complaint['id']}`;
  const amount = Number(complaint['offer_amount'] ?? 0).toLocaleString('zh-CN');
  await notifyUsers(
    data,
    {
      status: { _eq: 'active' },
      _or: [{ policies: { policy: { name: { _in: levels } } } }, { role: { policies: { policy: { name: { _in: levels } } } } }],
    },
    {
      subject: `【待核决】投诉 ${name}，拟处理金额 ${amount} 元`,
      message: `投诉 ${name} 已进入“${STAGE_LABELS[stage] ?? stage}”，拟处理金额 ${amount} 元，须由${level}或更高级别核决。请于1日内在投诉表单的“办理”中核决（第十三条第5款）。`,
      collection: 'complaints',
      item: String(complaint['id']),
    },
  );
}
