import type { Department } from './departments';

/** Who writes a follow-up item (责任人员, 改善对策): what the rules of these items need to know of them. */
export interface FollowUpActor {
  isAdmin: boolean;
  userId: string | null;
  department: Department | null;
  /** names of the policies given to the user on top of the role (部门主管, 业务部经理 …) */
  policies: string[];
}

/** Departments that propose responsible persons and improvement measures (第十一条 2(1)(2), 3(4)(5)). */
export const PROPOSING_DEPARTMENTS: Department[] = ['operations', 'gm_office'];

/** Policies whose holder heads their own department: 部门主管, and the approval levels (业务部经理 of 市场部 …). */
export const SUPERVISOR_POLICIES = ['部门主管', '业务部经理', '副总经理', '总经理'];

export type FollowUpJudgement<K extends string> = { kind: 'none' } | { kind: 'refuse'; reason: string; forbidden: boolean } | { kind: K };

export const refuse = (reason: string, forbidden = false) => ({ kind: 'refuse' as const, reason, forbidden });

export const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The fields of `fields` the change sets to another value than the stored one. */
export function touched(fields: string[], stored: Record<string, unknown>, changes: Record<string, unknown>): string[] {
  return fields.filter((field) => field in changes && (changes[field] ?? null) !== (stored[field] ?? null));
}

export const proposes = (actor: FollowUpActor) =>
  actor.isAdmin || (actor.department !== null && PROPOSING_DEPARTMENTS.includes(actor.department));

/** Whether the actor heads `department`: a user of that department holding a supervisor policy, or an administrator. */
export const heads = (actor: FollowUpActor, department: unknown) =>
  actor.isAdmin || (actor.department === department && actor.policies.some((policy) => SUPERVISOR_POLICIES.includes(policy)));
