import { mayApprove, requiredApprovalLevel, type ApprovalAuthority } from './approval-authority';
import { LABELS } from './choice-labels';
import { DEPARTMENT_ROLES, type Department } from './departments';

export interface Transition {
  from_stage: string;
  to_stage: string;
  department: Department;
  requires_approval: boolean;
  required_fields: string[] | null;
}

export const STAGE_LABELS = LABELS['stage']!;

export const COMPLAINT_FIELD_LABELS: Record<string, string> = {
  customer_name: '客户姓名', demand: '客户要求', reason: '投诉理由', market_opinion: '市场部意见', investigation_cause: '发生原因',
  responsibility: '责任归属', countermeasures: '处理及改善对策', tech_analysis: '技术部分析意见', ops_manager_opinion: '部门经理意见',
  gm_opinion: '总经理室综合意见', offer_amount: '拟处理金额', negotiation_result: '交涉结果', customer_accepted: '客户接受处理结果',
  supervisor_reviewed: '主管已核阅', responsible_department: '责任部门', loss_amount: '部门损失金额', penalty_type: '个人惩处种类',
};

/** Fields that commit the agency towards the customer (Art. 13.10): only after the plan is approved. */
export const COMMITMENT_FIELDS = ['negotiation_result', 'customer_accepted'];

export type Verdict =
  | { ok: true; transition: Transition; approvalLevel: string | null }
  | { ok: false; status: 400 | 403; reason: string };

export interface MoveRequest {
  from: string;
  to: string;
  complaint: Record<string, unknown>;
  /** the user's department, or null for administrators */
  department: Department | null;
  isAdmin: boolean;
  approvalLevels: string[];
  transitions: Transition[];
  authorities: ApprovalAuthority[];
}

const label = (stage: string) => `“${STAGE_LABELS[stage] ?? stage}”`;
const filled = (value: unknown) => value !== null && value !== undefined && value !== '' && value !== false;

/**
 * Whether a complaint may move from one stage to another, by this user, now (shared/CONTRACT.md):
 * the move must be in the transition table (no skipping), made by the department the table names
 * (administrators may act for any), with the fields the next stage needs, and — where the table
 * says so — by a holder of the approval level that the offer amount requires, or a higher one.
 */
export function judgeMove(request: MoveRequest): Verdict {
  const { from, to, complaint } = request;
  const transition = request.transitions.find((t) => t.from_stage === from && t.to_stage === to);
  if (!transition) {
    const next = request.transitions.filter((t) => t.from_stage === from).map((t) => label(t.to_stage));
    return { ok: false, status: 400, reason: `不能从${label(from)}直接转到${label(to)}。${next.length ? `下一步只能是：${next.join('、')}。` : `${label(from)}之后没有下一步。`}` };
  }
  if (!request.isAdmin && request.department !== transition.department) {
    const mine = request.department ? DEPARTMENT_ROLES[request.department] : '未分配部门';
    return { ok: false, status: 403, reason: `${label(from)} → ${label(to)} 由${DEPARTMENT_ROLES[transition.department]}办理，您所在的部门（${mine}）不能执行。` };
  }
  const missing = (transition.required_fields ?? []).filter((field) => !filled(complaint[field]));
  if (missing.length) {
    return { ok: false, status: 400, reason: `进入${label(to)}前必须填写：${missing.map((field) => COMPLAINT_FIELD_LABELS[field] ?? field).join('、')}。` };
  }
  if (!transition.requires_approval) return { ok: true, transition, approvalLevel: null };
  const amount = Number(complaint['offer_amount'] ?? 0);
  const level = requiredApprovalLevel(amount, request.authorities);
  if (!request.isAdmin && !mayApprove(request.approvalLevels, level, request.authorities)) {
    return { ok: false, status: 403, reason: `拟处理金额 ${amount.toLocaleString('zh-CN')} 元须由“${level}”或更高级别核决，您的核决权限不足。请呈${level}核决。` };
  }
  return { ok: true, transition, approvalLevel: level };
}

/** Art. 13.10: nothing is promised, agreed or admitted to the customer before the plan is approved. */
export function commitmentBeforeApproval(changes: Record<string, unknown>, complaint: Record<string, unknown>): string | null {
  const writes = COMMITMENT_FIELDS.filter((field) => field in changes && filled(changes[field]));
  if (writes.length === 0 || filled(complaint['approved_at'])) return null;
  return `总经理室依核决权限核决处理方案之前，不得向客户作任何答复、承诺或承认（第十三条第10款），暂不能填写：${writes.map((f) => COMPLAINT_FIELD_LABELS[f]).join('、')}。`;
}
