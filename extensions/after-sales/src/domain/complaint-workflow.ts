import { mayApprove, rankedAuthorities, requiredApprovalLevel, type ApprovalAuthority } from './approval-authority';
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
  customer_name: '客户姓名',
  customer_phone: '客户电话',
  demand: '客户要求',
  reason: '投诉理由',
  market_opinion: '市场部意见',
  investigation_cause: '发生原因',
  responsibility: '责任归属',
  countermeasures: '处理及改善对策',
  tech_analysis: '技术部分析意见',
  ops_manager_opinion: '部门经理意见',
  gm_opinion: '总经理室综合意见',
  offer_amount: '拟处理金额',
  negotiation_result: '交涉结果',
  customer_accepted: '客户接受处理结果',
  supervisor_reviewed: '主管已核阅',
  responsible_department: '责任部门',
  loss_amount: '部门损失金额',
  penalty_type: '个人惩处种类',
  penalty_standard: '罚扣判定基准',
  administrative_sanction: '涉及行政处分',
  policy: '保单',
  claim_report: '报案',
  involves_other_company: '涉及其他公司责任',
  other_company_name: '涉及的其他公司',
  handling_opinion: '本次处理意见',
  registered_at: '总经理室受理时间',
};

/** Fields that commit the agency towards the customer (Art. 13.10): only after the plan is approved. */
export const COMMITMENT_FIELDS = ['negotiation_result', 'customer_accepted'];

/** The approved plan (Art. 13.10, 核决权限): fixed once approved, until the plan goes back to 综合意见. */
export const APPROVED_PLAN_FIELDS = ['offer_amount', 'gm_opinion'];

/** What 市场部 writes of a customer's complaint: in its draft, and when it sends it to the GM Office. */
const MARKET_REPORT_FIELDS = [
  'customer_name',
  'customer_phone',
  'demand',
  'reason',
  'market_opinion',
  'policy',
  'claim_report',
  'involves_other_company',
  'other_company_name',
];

/** Fields a move may write besides its rule row's required fields, by the stage it enters. */
export const MOVE_FIELDS: Record<string, string[]> = {
  submitted: MARKET_REPORT_FIELDS,
  registered: ['involves_other_company', 'other_company_name'],
  investigating: [],
  tech_analysis: ['investigation_cause', 'responsibility', 'countermeasures', 'ops_manager_opinion'],
  plan_review: ['investigation_cause', 'responsibility', 'countermeasures', 'ops_manager_opinion', 'tech_analysis'],
  negotiating: ['gm_opinion', 'offer_amount'],
  final_review: ['negotiation_result', 'customer_accepted'],
  closed: [
    'responsible_department',
    'penalty_standard',
    'loss_amount',
    'penalty_type',
    'administrative_sanction',
    'countermeasures',
    'customer_accepted',
  ],
};

/**
 * Who writes which complaint fields outside a move (field ownership): the department holding the
 * complaint writes the fields of its part of the form while the complaint is in one of its stages.
 * A closed complaint is read-only to all but administrators (an audited correction) and a reopen.
 */
export const STAGE_FIELD_OWNERS: Record<string, { department: Department; fields: string[] }> = {
  draft: { department: 'market', fields: [...MARKET_REPORT_FIELDS, 'handling_opinion'] },
  submitted: { department: 'gm_office', fields: ['involves_other_company', 'other_company_name', 'registered_at', 'handling_opinion'] },
  registered: { department: 'gm_office', fields: ['involves_other_company', 'other_company_name', 'registered_at', 'handling_opinion'] },
  investigating: {
    department: 'operations',
    fields: ['investigation_cause', 'responsibility', 'countermeasures', 'ops_manager_opinion', 'handling_opinion'],
  },
  tech_analysis: { department: 'tech', fields: ['tech_analysis', 'countermeasures', 'handling_opinion'] },
  plan_review: {
    department: 'gm_office',
    fields: [
      'gm_opinion',
      'offer_amount',
      'responsible_department',
      'penalty_standard',
      'handling_opinion',
      'involves_other_company',
      'other_company_name',
    ],
  },
  negotiating: { department: 'market', fields: ['negotiation_result', 'customer_accepted', 'supervisor_reviewed', 'handling_opinion'] },
  final_review: {
    department: 'gm_office',
    fields: [
      'responsible_department',
      'penalty_standard',
      'loss_amount',
      'penalty_type',
      'administrative_sanction',
      'countermeasures',
      'handling_opinion',
    ],
  },
};

/** Fields nobody writes outside the moves endpoint, administrators included. */
export const MOVE_ONLY_FIELDS = ['stage'];

export type Verdict = { ok: true; transition: Transition; approvalLevel: string | null } | { ok: false; status: 400 | 403; reason: string };

export interface MoveRequest {
  from: string;
  to: string;
  /** the complaint as it will be after the move's values are written */
  complaint: Record<string, unknown>;
  /** the user's department, or null for administrators */
  department: Department | null;
  isAdmin: boolean;
  approvalLevels: string[];
  transitions: Transition[];
  authorities: ApprovalAuthority[];
}

const label = (stage: string) => `“${STAGE_LABELS[stage] ?? stage}”`;
export const fieldLabel = (field: string) => COMPLAINT_FIELD_LABELS[field] ?? field;
/** A required field is given; a yes/no field counts when answered (supervisor_reviewed only when ticked). */
const filled = (field: string, value: unknown) =>
  value !== null &&
  value !== undefined &&
  value !== '' &&
  (field === 'supervisor_reviewed' || field === 'negotiation_result' ? value !== false : true);
const given = (value: unknown) => value !== null && value !== undefined && value !== '' && value !== false;

/** The departments that may make a move (a rule row each; several rows may name the same move). */
export function moveDepartments(transitions: Transition[], from: string, to: string): Department[] {
  return transitions.filter((t) => t.from_stage === from && t.to_stage === to).map((t) => t.department);
}

/** The moves out of a stage, one per target stage, in the table's order. */
export function nextMoves(transitions: Transition[], from: string): Transition[] {
  const seen = new Set<string>();
  return transitions.filter((t) => t.from_stage === from && !seen.has(t.to_stage) && seen.add(t.to_stage));
}

/** Fields a move's values may carry: its required fields and the optional ones of the stage it enters. */
export function moveFields(transition: Transition): { field: string; required: boolean }[] {
  const required = transition.required_fields ?? [];
  const optional = (MOVE_FIELDS[transition.to_stage] ?? []).filter((field) => !required.includes(field));
  return [...required.map((field) => ({ field, required: true })), ...optional.map((field) => ({ field, required: false }))];
}

/**
 * Whether a complaint may move from one stage to another, by this user, now (CONTRACT "Who moves
 * it"): the move must be in the transition table (no skipping), made by a department the table
 * names (administrators may act for any) — or, where the table asks for approval, by a holder of
 * the level the offer amount requires or a higher one, whatever their department — with the fields
 * the next stage needs.
 */
export function judgeMove(request: MoveRequest): Verdict {
  const { from, to, complaint } = request;
  const rows = request.transitions.filter((t) => t.from_stage === from && t.to_stage === to);
  if (rows.length === 0) {
    const next = nextMoves(request.transitions, from).map((t) => label(t.to_stage));
    return {
      ok: false,
      status: 400,
      reason: `不能从${label(from)}直接转到${label(to)}。${next.length ? `下一步只能是：${next.join('、')}。` : `${label(from)}之后没有下一步。`}`,
    };
  }
  const transition = rows.find((t) => t.department === request.department) ?? rows[0]!;
  const approval = transition.requires_approval;
  if (!approval && !request.isAdmin && !rows.some((t) => t.department === request.department)) {
    const mine = request.department ? DEPARTMENT_ROLES[request.department] : '未分配部门';
    const by = rows.map((t) => DEPARTMENT_ROLES[t.department]).join('或');
    return { ok: false, status: 403, reason: `${label(from)} → ${label(to)} 由${by}办理，您所在的部门（${mine}）不能执行。` };
  }
  const missing = (transition.required_fields ?? []).filter((field) => !filled(field, complaint[field]));
  if (missing.length) {
    return { ok: false, status: 400, reason: `进入${label(to)}前必须填写：${missing.map(fieldLabel).join('、')}。` };
  }
  if (!approval) return { ok: true, transition, approvalLevel: null };
  const amount = Number(complaint['offer_amount'] ?? 0);
  if (!Number.isFinite(amount) || amount < 0)
    return { ok: false, status: 400, reason: `拟处理金额应为不小于0的数字，收到“${String(complaint['offer_amount'])}”。` };
  const level = requiredApprovalLevel(amount, request.authorities);
  if (!request.isAdmin && !mayApprove(request.approvalLevels, level, request.authorities)) {
    return {
      ok: false,
      status: 403,
      reason: `拟处理金额 ${amount.toLocaleString('zh-CN')} 元须由“${level}”或更高级别核决（第十三条第5款），您没有该核决权限；有权核决的人员已在其待办中看到此件。`,
    };
  }
  return { ok: true, transition, approvalLevel: level };
}

/** Values a move may not carry: fields outside the move, or the approved plan once approved. */
export function foreignMoveValues(transition: Transition, values: Record<string, unknown>): string[] {
  const allowed = new Set(moveFields(transition).map((entry) => entry.field));
  return Object.keys(values).filter((field) => !allowed.has(field));
}

/** The fields a move's approval fixes, and what it clears when the plan goes back to 综合意见. */
export function approvalEffects(
  transition: Transition,
  complaint: Record<string, unknown>,
  approvalLevel: string | null,
  actorId: string | null,
  now: Date,
): Record<string, unknown> {
  if (transition.from_stage === 'negotiating' && transition.to_stage === 'plan_review') {
    return {
      approval_level: null,
      approved_by: null,
      approved_at: null,
      approved_amount: null,
      approved_opinion: null,
      supervisor_reviewed: false,
    };
  }
  if (!approvalLevel) return {};
  const approval = { approval_level: approvalLevel, approved_by: actorId, approved_at: now.toISOString() };
  // The plan's approval keeps what was approved: letters to the customer state only this amount.
  if (transition.to_stage === 'negotiating')
    return { ...approval, approved_amount: complaint['offer_amount'] ?? null, approved_opinion: complaint['gm_opinion'] ?? null };
  return approval;
}

/** Art. 13.10: nothing is promised, agreed or admitted to the customer before the plan is approved. */
export function commitmentBeforeApproval(changes: Record<string, unknown>, complaint: Record<string, unknown>): string | null {
  const writes = COMMITMENT_FIELDS.filter((field) => field in changes && given(changes[field]));
  if (writes.length === 0 || given(complaint['approved_at'])) return null;
  return `总经理室依核决权限核决处理方案之前，不得向客户作任何答复、承诺或承认（第十三条第10款），暂不能填写：${writes.map(fieldLabel).join('、')}。`;
}

const sameValue = (a: unknown, b: unknown) =>
  (a === null || a === undefined || a === '' ? null : typeof a === 'number' || typeof b === 'number' ? Number(a) : String(a)) ===
  (b === null || b === undefined || b === '' ? null : typeof a === 'number' || typeof b === 'number' ? Number(b) : String(b));

/** Art. 13.10: an approved amount or opinion changes only after the plan goes back to 综合意见 and is approved again. */
export function approvedPlanChange(changes: Record<string, unknown>, stored: Record<string, unknown>): string | null {
  if (!given(stored['approved_at'])) return null;
  const changed = APPROVED_PLAN_FIELDS.filter((field) => field in changes && !sameValue(changes[field], stored[field]));
  if (changed.length === 0) return null;
  return `处理方案已经核决，${changed.map(fieldLabel).join('、')}不能再修改（第十三条第10款）。如需变更，请在“办理”中选择“退回总经理室综合意见”，修改后重新核决。`;
}

/** 主管已核阅 is set by a holder of 业务部经理 or a higher level (Art. 13.4: the supervisor reviews the result). */
export function supervisorReviewRefusal(
  changes: Record<string, unknown>,
  approvalLevels: string[],
  authorities: ApprovalAuthority[],
  isAdmin: boolean,
): string | null {
  if (!('supervisor_reviewed' in changes) || isAdmin) return null;
  const lowest = rankedAuthorities(authorities)[0]?.level;
  if (lowest && mayApprove(approvalLevels, lowest, authorities)) return null;
  return `“主管已核阅”须由${lowest ?? '业务部经理'}或更高核决权限的主管勾选，经办人不能核阅自己的交涉结果（第十三条第4款）。`;
}

/**
 * Field ownership outside a move: the fields a department may not write to a complaint in this
 * stage (empty: all allowed). Administrators write any field (an audited correction).
 */
export function fieldsNotOwned(stage: string, department: Department | null, changes: Record<string, unknown>): string[] {
  const owner = STAGE_FIELD_OWNERS[stage];
  const fields = Object.keys(changes);
  if (!owner || owner.department !== department) return fields;
  return fields.filter((field) => !owner.fields.includes(field));
}

export function fieldOwnershipRefusal(stage: string, department: Department | null, fields: string[]): string {
  const owner = STAGE_FIELD_OWNERS[stage];
  const names = fields.map(fieldLabel).join('、');
  if (stage === 'closed') return `投诉已结案，不能再修改（${names}）。如客户不接受结论，请另立新案；更正须由管理员办理并留痕。`;
  if (!owner || owner.department !== department)
    return `投诉处于${label(stage)}阶段，由${owner ? DEPARTMENT_ROLES[owner.department] : '—'}填写，您所在的部门不能修改：${names}。`;
  return `${label(stage)}阶段不能在表单中修改：${names}。阶段变更及其所需内容请通过“办理”提交。`;
}
