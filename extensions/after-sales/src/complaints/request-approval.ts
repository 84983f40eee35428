import { requiredApprovalLevel } from '../domain/approval-authority';
import { deliverOutbox, enqueue } from '../notices/outbox';
import type { DataAccess } from '../shared/data-access';
import { complaintRules } from './complaint-rules';

/**
 * K-CONCLUDE1D: when the GM Office puts an amount on a plan under review, the holders of the level
 * it needs are asked to decide, once per stage entry and level (a higher amount asks higher holders).
 * `complaint` carries id, stage, stage_entered_at and offer_amount as committed.
 */
export async function requestApprovalOnce(data: DataAccess, complaint: Record<string, any>, now: Date): Promise<void> {
  if (complaint['stage'] !== 'plan_review' || complaint['offer_amount'] === null || complaint['offer_amount'] === undefined) return;
  const { authorities } = await complaintRules(data);
  const level = requiredApprovalLevel(Number(complaint['offer_amount']), authorities);
  const id = String(complaint['id']);
  const key = `approval:complaints:${id}:plan_review:${new Date(complaint['stage_entered_at'] ?? 0).getTime()}:${level}`;
  await enqueue(
    data,
    [{ key, kind: 'approval_request', collection: 'complaints', item: id, payload: { level, stage: 'plan_review' } }],
    now,
  );
  await deliverOutbox(data, now, [key]);
}
