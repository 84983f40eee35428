import type { Department } from './departments';
import { refuse, text, type FollowUpActor, type FollowUpJudgement } from './follow-up-actor';

/**
 * K-QUALITY (第十一条 2(3)): the handling of a closed complaint is checked and confirmed (客户投诉质量的检验确认)
 * once, by Operations (whose duty it is) or the quality department; a failed check states what was wrong.
 */
export const QUALITY_CHECKERS: Department[] = ['operations', 'quality'];

export function judgeQualityCheck(
  payload: Record<string, unknown>,
  complaint: Record<string, unknown> | null,
  actor: FollowUpActor,
): FollowUpJudgement<'check'> {
  if (!actor.isAdmin && !(actor.department && QUALITY_CHECKERS.includes(actor.department)))
    return refuse('投诉质量检验确认由运营部或质量管理部填写。', true);
  if (!complaint) return refuse('请选择要检验的投诉。');
  if (complaint['stage'] !== 'closed') return refuse('只有已结案的投诉才能做质量检验确认。');
  if (payload['result'] === 'failed' && !text(payload['findings'])) return refuse('检验不合格时须在“检验意见”中写明问题。');
  return { kind: 'check' };
}
