import type { FollowUpActor, FollowUpJudgement } from '../../domain/follow-up-actor';
import { BatchUpdateConflictError } from '../../errors/batch-update-conflict-error';
import { InvalidCaseStatusError } from '../../errors/invalid-case-status-error';
import { WorkflowForbiddenError } from '../../errors/workflow-forbidden-error';
import { actorOf } from '../../shared/actor';
import { readStored } from '../../shared/data-access';
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

/**
 * An update of follow-up items judged item by item as the caller: the stored rows and the one decision the
 * request makes (a refusal thrown by `settled`, several decisions at once refused by `single`).
 */
export async function decideStored<K extends string>(
  context: HandlerContext,
  collection: string,
  keys: (string | number)[],
  judge: (row: Record<string, any>, actor: FollowUpActor) => FollowUpJudgement<K>,
): Promise<{ stored: Record<string, any>[]; decision: { kind: K | 'none' } | null }> {
  const actor = await followUpActor(context);
  const stored = await readStored(context, collection, keys);
  return { stored, decision: single(stored.map((row) => settled(judge(row, actor)))) };
}
