import type { FollowUpActor, FollowUpJudgement } from '../../domain/follow-up-actor';
import { BatchUpdateConflictError } from '../../errors/batch-update-conflict-error';
import { InvalidCaseStatusError } from '../../errors/invalid-case-status-error';
import { WorkflowForbiddenError } from '../../errors/workflow-forbidden-error';
import { actorOf } from '../../shared/actor';
import type { HandlerContext } from '../../shared/handler-context';

/** The caller as the follow-up judgements (domain/*) see them: department, admin flag and approval policies. */
export async function followUpActor(context: HandlerContext): Promise<FollowUpActor> {
  const actor = await actorOf(context.accountability, context.database, context.event);
  return { isAdmin: actor.isAdmin, userId: actor.userId, department: actor.department, policies: await actor.approvalLevels() };
}

/** A judgement's decision, or the refusal thrown as 403 (not allowed) or 400 (not valid). */
export function settled<K extends string>(judgement: FollowUpJudgement<K>): { kind: K | 'none' } {
  const refusal = judgement as { kind: string; reason?: string; forbidden?: boolean };
  if (refusal.kind !== 'refuse') return judgement as { kind: K | 'none' };
  if (refusal.forbidden) throw new WorkflowForbiddenError({ reason: refusal.reason ?? '' });
  throw new InvalidCaseStatusError({ reason: refusal.reason ?? '' });
}

/** One decision per request: a batch that decides several items at once is refused (each is its own record in the history). */
export function single<T extends { kind: string }>(decisions: T[]): T | null {
  const deciding = decisions.filter((decision) => decision.kind !== 'none');
  if (deciding.length > 1) throw new BatchUpdateConflictError();
  return deciding[0] ?? null;
}
