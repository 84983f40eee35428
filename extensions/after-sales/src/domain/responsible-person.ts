import { DEPARTMENT_ROLES, type Department } from './departments';
import { heads, proposes, refuse, text, touched, type FollowUpActor, type FollowUpJudgement } from './follow-up-actor';

/**
 * K-RESPONSIBLE (第十一条 2(1), 第十三条 6): Operations (or the GM Office, 第十一条 3(4)) proposes the persons
 * responsible for a complaint with a personal penalty each; the penalty applies once the head of the person's
 * own department confirms it (主管已确认), or is disputed with the head's reasons (主管不同意). A decided row
 * never changes (the permissions let only pending rows be updated; this says so to an administrator too).
 */
export const PROPOSAL_FIELDS = ['complaint', 'user', 'person_name', 'department', 'responsibility', 'penalty_type'];
export const CONFIRMATION_FIELDS = ['confirmation', 'confirmation_opinion'];

type Row = Record<string, unknown>;
const departmentName = (key: unknown) => DEPARTMENT_ROLES[String(key) as keyof typeof DEPARTMENT_ROLES] ?? '所属部门';

export function judgeNewResponsiblePerson(payload: Row, actor: FollowUpActor): FollowUpJudgement<'propose'> {
  if (!proposes(actor)) return refuse('责任人员由运营部（或总经理室）拟定。', true);
  if (payload['confirmation'] !== undefined && payload['confirmation'] !== 'pending')
    return refuse('新拟定的责任人员以“待主管确认”提交，由其所属部门的主管确认。');
  return { kind: 'propose' };
}

export function judgeResponsiblePersonChange(stored: Row, changes: Row, actor: FollowUpActor): FollowUpJudgement<'confirmed' | 'disputed'> {
  const proposal = touched(PROPOSAL_FIELDS, stored, changes);
  const confirmation = touched(CONFIRMATION_FIELDS, stored, changes);
  if (stored['confirmation'] !== 'pending') {
    return proposal.length || confirmation.length ? refuse('主管已确认的责任人员不能再修改；如有异议，请呈签呈。') : { kind: 'none' };
  }
  if (proposal.length && !proposes(actor)) return refuse('责任人员和惩处由运营部拟定；其他部门的主管只能确认或提出不同意见。', true);
  if (!confirmation.length) return { kind: 'none' };
  const merged = { ...stored, ...changes };
  if (!heads(actor, merged['department']))
    return refuse(`个人惩处须由责任人所属部门（${departmentName(merged['department'])}）的主管确认。`, true);
  if (actor.userId && merged['user'] === actor.userId) return refuse('责任人本人不能确认自己的惩处，请由上级主管确认。', true);
  const to = merged['confirmation'];
  if (to === 'pending') return { kind: 'none' };
  if (to === 'disputed') {
    return text(merged['confirmation_opinion']) ? { kind: 'disputed' } : refuse('主管不同意时须在“主管意见”中写明理由。');
  }
  if (to === 'confirmed') return { kind: 'confirmed' };
  return refuse('主管确认只能是“主管已确认”或“主管不同意”。');
}

/**
 * The pending penalties `actor` may confirm, as a filter (the work queue's side of judgeResponsiblePersonChange):
 * those of their own department when they head it, of the department an administrator picks (null: every
 * department), never their own. Null when they may confirm none.
 */
export function confirmableFilter(actor: FollowUpActor, department: Department | null): Record<string, unknown> | null {
  const of = actor.isAdmin ? department : actor.department;
  if (!actor.isAdmin && (of === null || !heads(actor, of))) return null;
  const parts: Record<string, unknown>[] = [{ confirmation: { _eq: 'pending' } }];
  if (of) parts.push({ department: { _eq: of } });
  if (actor.userId) parts.push({ _or: [{ user: { _null: true } }, { user: { _neq: actor.userId } }] });
  return { _and: parts };
}

/**
 * K-MONTHLY (第十三条 9): the head of each department confirms, once a month, the responsibility given to the
 * department and its ratio in 客户投诉案件统计表, or states why not.
 */
export function judgeRatioConfirmation(payload: Row, actor: FollowUpActor): FollowUpJudgement<'confirm'> {
  if (!heads(actor, payload['department'])) return refuse(`责任归属及比率由${departmentName(payload['department'])}的主管确认。`, true);
  if (payload['agreed'] !== true && !text(payload['opinion'])) return refuse('对责任归属或比率有异议时须在“意见”中写明理由。');
  return { kind: 'confirm' };
}
