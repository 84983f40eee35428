import { DEPARTMENT_ROLES, type Department } from '../domain/departments';
import { InvalidWorkbenchQueryError } from '../errors/invalid-workbench-query-error';
import { WorkbenchForbiddenError } from '../errors/workbench-forbidden-error';
import type { Actor } from '../shared/actor';

export interface WorkbenchScope {
  /** null: every department's work (administrators only) */
  department: Department | null;
  /** entries read per kind of work; the rest are only counted */
  limit: number;
  canChooseDepartment: boolean;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

const isDepartment = (value: string): value is Department => Object.hasOwn(DEPARTMENT_ROLES, value);

/**
 * Whose queue the caller may see: staff their own department's, administrators every department's
 * or the one they pick (`?department=market`). `?limit=` bounds the entries per kind of work.
 */
export function workbenchScope(actor: Actor, query: Record<string, unknown>): WorkbenchScope {
  const rawLimit = query['limit'];
  let limit = DEFAULT_LIMIT;
  if (rawLimit !== undefined && rawLimit !== '') {
    limit = Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidWorkbenchQueryError({ field: 'limit', rule: `应为 1–${MAX_LIMIT} 的整数，收到 “${String(rawLimit)}”。` });
    }
  }
  const asked = typeof query['department'] === 'string' && query['department'] !== '' ? query['department'] : null;
  if (asked !== null && !isDepartment(asked)) {
    throw new InvalidWorkbenchQueryError({
      field: 'department',
      rule: `应为 ${Object.keys(DEPARTMENT_ROLES).join('、')} 之一，收到 “${asked}”。`,
    });
  }
  if (actor.isAdmin) return { department: asked, limit, canChooseDepartment: true };
  if (!actor.department) throw new WorkbenchForbiddenError({ reason: '您的角色不属于任何部门，没有可显示的待办。' });
  if (asked !== null && asked !== actor.department) {
    throw new WorkbenchForbiddenError({ reason: `只能查看本部门（${DEPARTMENT_ROLES[actor.department]}）的待办。` });
  }
  return { department: actor.department, limit, canChooseDepartment: false };
}
