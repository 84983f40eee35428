import { describe, expect, test } from 'vitest';
import {
  complaintFieldsNotWritten,
  expandAccessMatrix,
  fieldListTakesNewField,
  permittedFields,
  readsHistoryOf,
  type AccessFile,
} from './access-matrix';

const file: AccessFile = {
  roles: [],
  policies: [
    { name: '市场部', department: 'market', icon: 'x', description: '', app_access: true, admin_access: false },
    { name: '技术部', department: 'tech', icon: 'x', description: '', app_access: true, admin_access: false },
    { name: '运营部', department: 'operations', icon: 'x', description: '', app_access: true, admin_access: false },
  ],
  staff_user_fields: ['id', 'first_name'],
  rule_tables: ['work_calendar'],
  personal_data_withheld_from: ['技术部'],
  matrix: {
    市场部: { customers: 'CRU', complaints: 'CRU', petitions: { actions: 'CR', read: { department: { _eq: '$DEPARTMENT' } } } },
    技术部: { customers: 'R', complaints: { actions: 'RU', read: { stage: { _eq: 'tech_analysis' } } }, policies: 'R' },
  },
};
const fields: Record<string, string[]> = {
  customers: ['id', 'name', 'id_number', 'id_number_masked', 'phone', 'phone_masked', 'address'],
  complaints: ['id', 'stage', 'customer_phone', 'customer_phone_masked', 'demand', 'registered_at', 'investigation_cause', 'tech_analysis'],
};
const fieldsOf = (collection: string) => fields[collection] ?? [];

describe('fields a policy may touch', () => {
  test.each([
    ['市场部', 'customers', 'read', ['*']],
    ['市场部', 'customers', 'update', ['*']],
    ['技术部', 'customers', 'read', ['address', 'id', 'id_number_masked', 'name', 'phone_masked']],
    // Field ownership: a department updates only the complaint fields of its own stages (and what the server sets).
    ['技术部', 'complaints', 'update', ['id', 'stage', 'tech_analysis']],
    ['运营部', 'complaints', 'update', ['customer_phone_masked', 'id', 'investigation_cause', 'stage']],
    ['市场部', 'complaints', 'update', ['customer_phone', 'customer_phone_masked', 'demand', 'id', 'stage']],
    ['市场部', 'complaints', 'read', ['*']],
    ['技术部', 'policies', 'read', ['*']],
  ] as const)('%s %s %s → %o', (policy, collection, action, expected) => {
    expect(permittedFields(file, policy, collection, action, fieldsOf)).toEqual(expected);
  });
});

describe('history read directly only where every item and field is readable', () => {
  test.each([
    ['市场部', 'customers', 'CRU', true],
    ['市场部', 'petitions', { actions: 'CR', read: { department: { _eq: '$DEPARTMENT' } } }, false],
    ['技术部', 'customers', 'R', false],
    ['技术部', 'policies', 'R', true],
    ['技术部', 'complaints', { actions: 'RU', read: { stage: { _eq: 'tech_analysis' } } }, false],
    ['技术部', 'letters', 'U', false],
  ] as const)('%s %s %o → %s', (policy, collection, cell, expected) => {
    expect(readsHistoryOf(file, policy, collection, typeof cell === 'string' ? { actions: cell } : cell)).toBe(expected);
  });

  test('the audit collections are filtered to those collections', () => {
    const rules = expandAccessMatrix(file, fieldsOf);
    const revisions = (policy: string) =>
      rules.find((rule) => rule.policy === policy && rule.collection === 'directus_revisions')?.permissions;
    expect(revisions('市场部')).toEqual({ collection: { _in: ['work_calendar', 'customers', 'complaints'] } });
    expect(revisions('技术部')).toEqual({ collection: { _in: ['work_calendar', 'policies'] } });
    expect(rules.find((rule) => rule.policy === '技术部' && rule.collection === 'directus_activity')?.permissions).toEqual({
      collection: { _in: ['work_calendar', 'policies'] },
    });
  });
});

describe('a field an administrator adds reaches the lists written for departments denied personal data', () => {
  const withBranch = [...fields['customers']!, 'branch'];
  const readList = ['address', 'id', 'id_number_masked', 'name', 'phone_masked'];
  test.each([
    ['the list of every field but the withheld ones', readList, 'read', 'branch', true],
    ['a write list (no masked copies either)', ['address', 'id', 'name'], 'update', 'branch', true],
    ['a list narrowed by hand', ['id', 'name'], 'read', 'branch', false],
    ['a list holding a withheld field', [...readList, 'phone'], 'read', 'branch', false],
    ['everything already', ['*'], 'read', 'branch', false],
  ] as const)('%s → %s', (_what, listed, action, field, expected) => {
    expect(fieldListTakesNewField([...listed], withBranch, 'customers', action, field)).toBe(expected);
  });

  test("a department's complaint update list (every field but those other departments own) takes a new field", () => {
    const complaintFields = [
      'id',
      'demand',
      'customer_name',
      'customer_phone',
      'customer_phone_masked',
      'investigation_result',
      'gm_opinion',
      'registered_at',
    ];
    const notOperations = complaintFieldsNotWritten('operations');
    const operations = complaintFields.filter((name) => !notOperations.has(name));
    expect(operations).toContain('investigation_result');
    expect(operations).not.toContain('gm_opinion');
    expect(fieldListTakesNewField(operations, [...complaintFields, 'branch_office'], 'complaints', 'update', 'branch_office')).toBe(true);
    // Narrowed by hand: it lacks a field nobody else owns.
    expect(
      fieldListTakesNewField(
        operations.filter((name) => name !== 'id'),
        [...complaintFields, 'branch_office'],
        'complaints',
        'update',
        'branch_office',
      ),
    ).toBe(false);
  });

  test('a new personal field is never added, nor anything in a collection without personal data', () => {
    expect(fieldListTakesNewField(['address', 'id', 'name'], [...fields['customers']!], 'customers', 'update', 'phone_masked')).toBe(false);
    expect(fieldListTakesNewField(['id'], ['id', 'x'], 'policies', 'read', 'x')).toBe(false);
  });
});
