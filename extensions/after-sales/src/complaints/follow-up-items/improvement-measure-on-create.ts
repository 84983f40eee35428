import { judgeNewImprovementMeasure, measureDeadline } from '../../domain/improvement-measure';
import type { CreateWrite, HandlerContext } from '../../shared/handler-context';
import { followUpActor, settled } from './follow-up-judgement';

/** Filter for new 改善对策: proposed by Operations or the GM Office; the clock runs from now to 24:00 of the due date. */
export async function improvementMeasureOnCreate(context: HandlerContext, { payload }: CreateWrite) {
  settled(judgeNewImprovementMeasure(payload, await followUpActor(context)));
  const clock = measureDeadline(payload['due_date'], context.now, context.timeZone);
  return { ...payload, due_at: clock?.dueAt.toISOString() ?? null, warn_at: clock?.warnAt.toISOString() ?? null };
}
