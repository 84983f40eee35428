export type Action = 'create' | 'read' | 'update' | 'delete';
export type Filter = Record<string, unknown>;

export interface MatrixCell {
  actions: string;
  create?: Filter;
  read?: Filter;
  update?: Filter;
}

export interface AccessFile {
  roles: { name: string; icon: string; description: string; policies: string[] }[];
  policies: { name: string; department?: string; icon: string; description: string; app_access: boolean; admin_access: boolean }[];
  staff_user_fields: string[];
  rule_tables: string[];
  /** policy → collection → "CRU" or a cell with item filters */
  matrix: Record<string, Record<string, string | MatrixCell>>;
}

export interface PermissionRule {
  policy: string;
  collection: string;
  action: Action;
  fields: string[];
  /** which existing items the action applies to (read, update, delete) */
  permissions: Filter;
  /** what a new or changed item must satisfy (create) */
  validation: Filter;
}

const LETTERS: Record<string, Action> = { C: 'create', R: 'read', U: 'update', D: 'delete' };
const AUDIT_COLLECTIONS = ['directus_activity', 'directus_revisions'];

export function cellOf(value: string | MatrixCell): MatrixCell {
  return typeof value === 'string' ? { actions: value } : value;
}

function withDepartment(filter: Filter | undefined, department: string | undefined): Filter {
  if (!filter) return {};
  return JSON.parse(JSON.stringify(filter).replaceAll('"$DEPARTMENT"', JSON.stringify(department ?? null))) as Filter;
}

/**
 * Every permission the access file grants: one rule per policy, collection and action, with the
 * policy's department put into its item filters. Staff also read user names, the rule tables and
 * the history (activity, revisions) of what they may read.
 */
export function expandAccessMatrix(file: AccessFile): PermissionRule[] {
  const rules: PermissionRule[] = [];
  for (const [policy, collections] of Object.entries(file.matrix)) {
    const department = file.policies.find((p) => p.name === policy)?.department;
    const grants: Record<string, MatrixCell> = {
      ...Object.fromEntries(file.rule_tables.map((table) => [table, { actions: 'R' }])),
      ...Object.fromEntries(Object.entries(collections).map(([collection, cell]) => [collection, cellOf(cell)])),
    };
    for (const [collection, cell] of Object.entries(grants)) {
      for (const letter of cell.actions) {
        const action = LETTERS[letter];
        if (!action) throw new Error(`access.yaml: ${policy}.${collection} has unknown letter "${letter}" (use C, R, U, D)`);
        rules.push({
          policy,
          collection,
          action,
          // Whole rows: server-set and back-entry fields are guarded by hooks (shared/reject-forged-fields.ts),
          // which answer in Chinese and let the server itself fill them in the same request.
          fields: ['*'],
          permissions: action === 'create' ? {} : withDepartment(cell[action as 'read' | 'update'], department),
          validation: action === 'create' ? withDepartment(cell.create, department) : {},
        });
      }
    }
    const readable = Object.entries(grants).filter(([, cell]) => cell.actions.includes('R')).map(([collection]) => collection);
    rules.push({ policy, collection: 'directus_users', action: 'read', fields: file.staff_user_fields, permissions: {}, validation: {} });
    for (const collection of AUDIT_COLLECTIONS) {
      rules.push({ policy, collection, action: 'read', fields: ['*'], permissions: { collection: { _in: readable } }, validation: {} });
    }
  }
  return rules;
}
