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

const roleNames = new Map<string, { name: string | null; at: number }>();
const ROLE_NAME_CACHE_MS = 60_000;

/**
 * The name of the user's role (directus_roles.name), or null. Which role a user has comes fresh
 * with every request (accountability.role); the name of a role only changes when an administrator
 * renames it, so names are kept for a minute instead of being read on every write and every read.
 */
export async function roleNameOf(accountability: Accountability, database: Knex): Promise<string | null> {
  if (!accountability.role) return null;
  const hit = roleNames.get(accountability.role);
  if (hit && Date.now() - hit.at < ROLE_NAME_CACHE_MS) return hit.name;
  const role = await database('directus_roles').where({ id: accountability.role }).first('name');
  const name: string | null = role?.name ?? null;
  roleNames.set(accountability.role, { name, at: Date.now() });
  return name;
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
