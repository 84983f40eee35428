import { BACK_ENTRY_FIELDS } from './back-entry-fields';
import { STAGE_FIELD_OWNERS } from './complaint-workflow';
import { maskedCopiesOf, personalFieldsOf } from './personal-data';

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
  /** policies that never receive ID numbers and personal phones (domain/personal-data.ts); they read the masked copies */
  personal_data_withheld_from: string[];
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

/** The fields of a collection in the current schema (aliases included), for permissions that list fields. */
export type FieldsOf = (collection: string) => string[];

/**
 * Complaint fields a department never writes in the form (field ownership, domain/complaint-workflow.ts):
 * the fields some department owns in some stage, and the back-entry times, less those this department
 * owns in one of its stages. Without update permission on them the admin app shows them read-only in
 * that department's form, instead of looking editable until the save is refused. Server-set, presentation
 * and system fields stay (the hooks of the same request write some of them before Directus checks the fields).
 */
export function complaintFieldsNotWritten(department: string | undefined): Set<string> {
  const owners = Object.values(STAGE_FIELD_OWNERS);
  const ownable = [...owners.flatMap((owner) => owner.fields), ...Object.keys(BACK_ENTRY_FIELDS['complaints']?.fields ?? {})];
  const own = new Set(owners.filter((owner) => owner.department === department).flatMap((owner) => owner.fields));
  return new Set(ownable.filter((field) => !own.has(field)));
}

/**
 * The fields a policy may read, create or update in a collection: all (`*`), or all but the personal
 * ones it is denied; a department's complaint updates leave out the fields it never writes.
 */
export function permittedFields(file: AccessFile, policy: string, collection: string, action: Action, fieldsOf: FieldsOf): string[] {
  const department = file.policies.find((p) => p.name === policy)?.department;
  const notWritten =
    collection === 'complaints' && action === 'update' && department ? complaintFieldsNotWritten(department) : new Set<string>();
  const personal = personalFieldsOf(collection);
  const withholds = personal.length > 0 && file.personal_data_withheld_from.includes(policy);
  if (!withholds && notWritten.size === 0) return ['*'];
  // Reads get the masked copies instead; writes get neither (the server keeps the copies).
  const withheld = new Set(!withholds ? [] : action === 'read' ? personal : [...personal, ...maskedCopiesOf(collection)]);
  return fieldsOf(collection)
    .filter((field) => !withheld.has(field) && !notWritten.has(field))
    .sort();
}

/**
 * Whether a field list the console wrote takes a field an administrator has just added, as `*` would:
 * a list for a department denied personal data (every field but the withheld ones) and a department's
 * complaint update list (every field but those other departments own). A list narrowed by hand
 * (it lacks other fields too, or holds a withheld field where none belongs) is left as it is.
 */
export function fieldListTakesNewField(
  listed: string[],
  collectionFields: string[],
  collection: string,
  action: Action,
  field: string,
): boolean {
  const personal = personalFieldsOf(collection);
  const notWritten = collection === 'complaints' && action === 'update' ? complaintFieldsNotWritten(undefined) : new Set<string>();
  if ((personal.length === 0 && notWritten.size === 0) || action === 'delete' || listed.includes('*') || listed.includes(field))
    return false;
  const withheld = new Set(personal.length === 0 ? [] : action === 'read' ? personal : [...personal, ...maskedCopiesOf(collection)]);
  if (withheld.has(field) || notWritten.has(field)) return false;
  // Only a complaint update list of a department that sees personal data holds them.
  const holdsWithheld = listed.some((name) => withheld.has(name));
  if (holdsWithheld && notWritten.size === 0) return false;
  const leftOut = new Set(holdsWithheld ? notWritten : [...withheld, ...notWritten]);
  return collectionFields.filter((name) => name !== field && !leftOut.has(name)).every((name) => listed.includes(name));
}

/**
 * Whether a policy may read the history (directus_revisions, directus_activity) of a collection
 * directly: only when it may read every item and every field of it. A revision's `data` carries
 * every stored field, and its `item` is a string key no permission filter can relate to the case,
 * so any other case goes through the case-history endpoint, which applies the item's own rules.
 */
export function readsHistoryOf(file: AccessFile, policy: string, collection: string, cell: MatrixCell): boolean {
  if (!cell.actions.includes('R') || cell.read) return false;
  return personalFieldsOf(collection).length === 0 || !file.personal_data_withheld_from.includes(policy);
}

/**
 * Every permission the access file grants: one rule per policy, collection and action, with the
 * policy's department put into its item filters and, for a policy denied personal data, the list
 * of fields it may touch (`fieldsOf` gives a collection's fields in the current schema). Staff also
 * read user names, the rule tables and the history of what they may read entirely (readsHistoryOf).
 */
export function expandAccessMatrix(file: AccessFile, fieldsOf: FieldsOf): PermissionRule[] {
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
          // Whole rows but withheld personal data: server-set and back-entry fields are guarded by hooks
          // (shared/reject-forged-fields.ts), which answer in Chinese and let the server fill them in the same request.
          fields: permittedFields(file, policy, collection, action, fieldsOf),
          permissions: action === 'create' ? {} : withDepartment(cell[action as 'read' | 'update'], department),
          validation: action === 'create' ? withDepartment(cell.create, department) : {},
        });
      }
    }
    const history = Object.entries(grants)
      .filter(([collection, cell]) => readsHistoryOf(file, policy, collection, cell))
      .map(([collection]) => collection);
    rules.push({ policy, collection: 'directus_users', action: 'read', fields: file.staff_user_fields, permissions: {}, validation: {} });
    for (const collection of AUDIT_COLLECTIONS) {
      rules.push({ policy, collection, action: 'read', fields: ['*'], permissions: { collection: { _in: history } }, validation: {} });
    }
  }
  return rules;
}
