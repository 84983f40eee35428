import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { departmentOfRole, type Department } from '../domain/departments';

export interface Actor {
  userId: string | null;
  isAdmin: boolean;
  department: Department | null;
  /**
   * Names of the approval policies the user holds (业务部经理, 副总经理, 总经理), read when first
   * asked (only a move that needs approval asks), at most once per actor, never kept longer.
   */
  approvalLevels(): Promise<string[]>;
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
  if (!accountability) return { userId: null, isAdmin: true, department: null, approvalLevels: async () => [] };
  const roleName = await roleNameOf(accountability, database);
  const user = accountability.user;
  let levels: Promise<string[]> | undefined;
  const readLevels = async (): Promise<string[]> => {
    if (!user) return [];
    const policies: { name: string }[] = await database('directus_access').join('directus_policies', 'directus_policies.id', 'directus_access.policy').where('directus_access.user', user).select('directus_policies.name');
    return policies.map((policy) => policy.name);
  };
  return {
    userId: user ?? null,
    isAdmin: accountability.admin === true,
    department: departmentOfRole(roleName),
    approvalLevels: () => (levels ??= readLevels()),
  };
}
