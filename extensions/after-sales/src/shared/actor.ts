import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { DEPARTMENT_ROLES, type Department } from '../domain/departments';

export interface Actor {
  userId: string | null;
  isAdmin: boolean;
  department: Department | null;
  /** names of the approval policies the user holds (业务部经理, 副总经理, 总经理) */
  approvalLevels: string[];
}

const departmentOfRole = (name: string | undefined) =>
  (Object.entries(DEPARTMENT_ROLES).find(([, role]) => role === name)?.[0] as Department | undefined) ?? null;

/** Who is acting: department from the role, approval levels from the policies given to the user. */
export async function actorOf(accountability: Accountability | null, database: Knex): Promise<Actor> {
  if (!accountability) return { userId: null, isAdmin: true, department: null, approvalLevels: [] };
  const role = accountability.role ? await database('directus_roles').where({ id: accountability.role }).first('name') : undefined;
  const policies: { name: string }[] = accountability.user
    ? await database('directus_access').join('directus_policies', 'directus_policies.id', 'directus_access.policy').where('directus_access.user', accountability.user).select('directus_policies.name')
    : [];
  return {
    userId: accountability.user ?? null,
    isAdmin: accountability.admin === true,
    department: departmentOfRole(role?.name),
    approvalLevels: policies.map((policy) => policy.name),
  };
}
