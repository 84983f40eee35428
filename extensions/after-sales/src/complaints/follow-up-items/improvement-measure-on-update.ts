import { judgeImprovementMeasureChange, measureDeadline } from '../../domain/improvement-measure';
import { BatchUpdateConflictError } from '../../errors/batch-update-conflict-error';
import type { HandlerContext, UpdateWrite } from '../../shared/handler-context';
import { decideStored } from './follow-up-judgement';

/** Filter for 改善对策 updates: done by the owner, the effect confirmed or sent back by the GM Office. */
export async function improvementMeasureOnUpdate(context: HandlerContext, { keys, payload }: UpdateWrite) {
  const { accountability, now, timeZone } = context;
  const { stored, decision } = await decideStored(context, 'improvement_measures', keys, (row, actor) =>
    judgeImprovementMeasureChange(row, payload, actor),
  );
  const result: Record<string, any> = { ...payload };
  if ('due_date' in payload) {
    if (stored.length !== 1) throw new BatchUpdateConflictError();
    const clock = measureDeadline(payload['due_date'], new Date(stored[0]!['date_created'] ?? now), timeZone);
    result['due_at'] = clock?.dueAt.toISOString() ?? null;
    result['warn_at'] = clock?.warnAt.toISOString() ?? null;
  }
  const user = accountability?.user ?? null;
  if (decision?.kind === 'done') Object.assign(result, { done_at: now.toISOString(), done_by: user });
  if (decision?.kind === 'confirmed') Object.assign(result, { effect_confirmed_at: now.toISOString(), effect_confirmed_by: user });
  if (decision?.kind === 'reopened') Object.assign(result, { done_at: null, done_by: null });
  return result;
}
