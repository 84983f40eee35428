import { revisionWriteRefusal, RULE_APPROVER_POLICY } from '../domain/rule-revision';
import { RuleRevisionForbiddenError } from '../errors/rule-revision-forbidden-error';
import { RuleRevisionRefusedError } from '../errors/rule-revision-refused-error';
import { actorOf } from '../shared/actor';
import type { HandlerContext, UpdateWrite } from '../shared/handler-context';

type Row = Record<string, unknown>;

const refuse = (refusal: { status: 400 | 403; reason: string }) =>
  refusal.status === 403
    ? new RuleRevisionForbiddenError({ reason: refusal.reason })
    : new RuleRevisionRefusedError({ reason: refusal.reason });

/** 规则修订记录 is written by the server alone: no entry is made or removed by hand, for anyone. */
export function refuseHandMadeRevision(action: 'create' | 'delete'): never {
  throw new RuleRevisionForbiddenError({
    reason: action === 'create' ? '规则修订记录由系统在规则变更时自动记录，不能手工新增。' : '规则修订记录是规则变更的凭据，不能删除。',
  });
}

/**
 * The approval of rule revisions (第十六条): a holder of the 总经理 policy sets 核准状态 to 已核准;
 * the server adds who and when. Anything else is refused, administrators included. A write without
 * accountability is the console's own.
 */
export async function approveRuleRevisions(data: HandlerContext, { keys, payload }: UpdateWrite): Promise<Row> {
  const { accountability, now } = data;
  if (!accountability) return payload;
  const actor = await actorOf(accountability, data.database);
  const holdsApprover = (await actor.approvalLevels()).includes(RULE_APPROVER_POLICY);
  const stored: { status: unknown }[] = await data.database('rule_revisions').whereIn('id', keys).select('status');
  const refusal = revisionWriteRefusal(payload, holdsApprover, stored);
  if (refusal) throw refuse(refusal);
  return payload['status'] === 'approved' ? { ...payload, approved_by: actor.userId, approved_at: now.toISOString() } : payload;
}
