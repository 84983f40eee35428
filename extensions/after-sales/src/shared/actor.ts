import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { departmentOfRole, type Department } from '../domain/departments';

export interface Actor {
  userId: string | null;
  isAdmin: boolean;
  department: Department | null;
  /** names of the approval policies the user holds (业务部经理, 副总经理, 总经理) */
  approvalLevels: string[];
}

/** The name of the user's role (directus_roles.name), or null. */
export async function roleNameOf(accountability: Accountability, database: Knex): Promise<string | null> {
  if (!accountability.role) return null;
  const role = await database('directus_roles').where({ id: accountability.role }).first('name');
  return role?.name ?? null;
}

/** Who is acting: department from the role, approval levels from the policies given to the user. */
export async function actorOf(accountability: Accountability | null, database: Knex): Promise<Actor> {
  if (!accountability) return { userId: null, isAdmin: true, department: null, approvalLevels: [] };
  const roleName = await roleNameOf(accountability, database);
  const policies: { name: string }[] = accountability.user
    ? await database('directus_access').join('directus_policies', 'directus_policies.id', 'directus_access.policy').where('directus_access.user', accountability.user).select('directus_policies.name')
    : [];
  return {
    userId: accountability.user ?? null,
    isAdmin: accountability.admin === true,
    department: departmentOfRole(roleName),
    approvalLevels: policies.map((policy) => policy.name),
  };
}
