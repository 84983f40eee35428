import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import type { Department } from '../domain/departments';
import { cachedRules } from './rules-cache';

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

/**
 * Role record → department (department_roles, written by setup when it creates or first finds a
 * department's role). A department is its role record, not the role's name: an administrator who
 * renames 市场部 changes nothing its users may do. This instance's copy while the rules stand.
 */
export function departmentRoles(database: Knex, event?: object): Promise<Map<string, Department>> {
  return cachedRules(database, event, 'department-roles', async () => {
    const rows: { department: Department; role: string }[] = await database('department_roles').select('department', 'role');
    return new Map(rows.map((row) => [row.role, row.department]));
  });
}

/** The role records of a department (normally one). */
export async function rolesOfDepartment(database: Knex, department: Department): Promise<string[]> {
  const roles = await departmentRoles(database);
  return [...roles].filter(([, key]) => key === department).map(([role]) => role);
}

/** The department of the user's role (which role a user has comes fresh with every request). */
export async function departmentOf(accountability: Accountability | null, database: Knex, event?: object): Promise<Department | null> {
  if (!accountability?.role) return null;
  return (await departmentRoles(database, event)).get(accountability.role) ?? null;
}

/** Who is acting: department from the role record, approval levels from the policies given to the user. */
export async function actorOf(accountability: Accountability | null, database: Knex, event?: object): Promise<Actor> {
  if (!accountability) return { userId: null, isAdmin: true, department: null, approvalLevels: async () => [] };
  const user = accountability.user;
  let levels: Promise<string[]> | undefined;
  const readLevels = async (): Promise<string[]> => {
    if (!user) return [];
    const policies: { name: string }[] = await database('directus_access')
      .join('directus_policies', 'directus_policies.id', 'directus_access.policy')
      .where('directus_access.user', user)
      .select('directus_policies.name');
    return policies.map((policy) => policy.name);
  };
  return {
    userId: user ?? null,
    isAdmin: accountability.admin === true,
    department: await departmentOf(accountability, database, event),
    approvalLevels: () => (levels ??= readLevels()),
  };
}
