export type Action = 'create' | 'read' | 'update' | 'delete';

export interface AccessFile {
  roles: { name: string; icon: string; description: string; policies: string[] }[];
  policies: { name: string; icon: string; description: string; app_access: boolean; admin_access: boolean }[];
  staff_user_fields: string[];
  /** policy → collection → letters (C R U D) */
  matrix: Record<string, Record<string, string>>;
  rule_tables: string[];
}

export interface PermissionRule {
  policy: string;
  collection: string;
  action: Action;
  fields: string[];
}

const LETTERS: Record<string, Action> = { C: 'create', R: 'read', U: 'update', D: 'delete' };

/** Every permission cell the access file grants, one rule per policy, collection and action. */
export function expandAccessMatrix(file: AccessFile): PermissionRule[] {
  const rules: PermissionRule[] = [];
  for (const [policy, collections] of Object.entries(file.matrix)) {
    const grants: Record<string, string> = { directus_users: 'R', ...Object.fromEntries(file.rule_tables.map((table) => [table, 'R'])), ...collections };
    for (const [collection, letters] of Object.entries(grants)) {
      for (const letter of letters) {
        const action = LETTERS[letter];
        if (!action) throw new Error(`access.yaml: ${policy}.${collection} has unknown letter "${letter}" (use C, R, U, D)`);
        rules.push({ policy, collection, action, fields: collection === 'directus_users' ? file.staff_user_fields : ['*'] });
      }
    }
  }
  return rules;
}
