import { DEPARTMENT_ROLES } from './departments';

/**
 * K-PETITION (第十三条 12): a department that disputes a complaint's decision files a 签呈; the GM Office
 * decides it once: 已采纳 (adopted: the complaint is handled again, or its responsible department changes)
 * or 未采纳 (rejected, with the reasons written in 批示). What a decision does is judged here from the
 * stored petition and the change; the adapter carries it out.
 */
export type PetitionDecision =
  | { kind: 'none' }
  | { kind: 'refuse'; reason: string }
  | { kind: 'reject' }
  | { kind: 'reopen' }
  | { kind: 'change_responsibility'; department: string }
  | { kind: 'accept' };

/** Fields the petitioner and the decider write; after the decision none of them changes. */
export const PETITION_DECISION_FIELDS = [
  'status',
  'decision',
  'requested_effect',
  'proposed_department',
  'content',
  'complaint',
  'department',
];

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

export function judgePetitionDecision(stored: Record<string, unknown>, changes: Record<string, unknown>): PetitionDecision {
  const from = String(stored['status'] ?? 'submitted');
  if (from !== 'submitted') {
    const touched = PETITION_DECISION_FIELDS.filter((field) => field in changes && changes[field] !== stored[field]);
    return touched.length ? { kind: 'refuse', reason: '签呈已批示，批示和签呈内容不能再修改；如仍有异议，请另呈签呈。' } : { kind: 'none' };
  }
  const to = changes['status'];
  if (to === undefined || to === 'submitted') return { kind: 'none' };
  const merged = { ...stored, ...changes };
  if (to === 'rejected') {
    return text(merged['decision']) ? { kind: 'reject' } : { kind: 'refuse', reason: '未采纳的签呈须在“批示”中写明理由。' };
  }
  if (to !== 'accepted') return { kind: 'refuse', reason: '签呈只能批示为“已采纳”或“未采纳”。' };
  const effect = merged['requested_effect'];
  if (effect === 'reopen') return { kind: 'reopen' };
  if (effect === 'change_responsibility') {
    const department = String(merged['proposed_department'] ?? '');
    if (!(department in DEPARTMENT_ROLES)) return { kind: 'refuse', reason: '请求变更责任部门的签呈须先填写“建议责任部门”，再批示采纳。' };
    return { kind: 'change_responsibility', department };
  }
  return { kind: 'accept' };
}
