import { expect, test } from 'vitest';
import { fieldsQueried, type QueryClauses, type RelatedCollection } from './fields-queried';

const RELATIONS: Record<string, Record<string, string>> = {
  complaints: { user_created: 'directus_users', steps: 'complaint_steps', policy: 'policies' },
  complaint_steps: { actor: 'directus_users', complaint: 'complaints' },
  directus_users: { role: 'directus_roles', avatar: 'directus_files' },
  directus_roles: { users: 'directus_users' },
  policies: { insured: 'customers' },
};
const related: RelatedCollection = (collection, field) => RELATIONS[collection]?.[field] ?? null;

test.each<[string, string, QueryClauses, string[]]>([
  ['aggregate grouped by id', 'directus_users', { aggregate: { min: ['email'] }, group: ['id'] }, ['email', 'id']],
  ['a filter on the e-mail', 'directus_users', { filter: { email: { _starts_with: 'gm' } } }, ['email']],
  ['sort by e-mail, descending', 'directus_users', { sort: ['-email'] }, ['email']],
  [
    'names only',
    'directus_users',
    { filter: { _or: [{ first_name: { _eq: '王' } }, { last_name: { _contains: '李' } }] }, sort: ['last_name'] },
    ['first_name', 'last_name'],
  ],
  ['a relational filter from a case', 'complaints', { filter: { user_created: { email: { _eq: 'a@b.cn' } } } }, ['email']],
  [
    'an o2m quantifier, then an m2o',
    'complaints',
    { filter: { steps: { _some: { actor: { tfa_secret: { _nnull: true } } } } } },
    ['tfa_secret'],
  ],
  ['a relational sort', 'complaint_steps', { sort: ['complaint.user_created.password'] }, ['password']],
  [
    'a deep filter and sort of related items',
    'complaints',
    { deep: { steps: { actor: { _filter: { email: { _eq: 'x' } }, _sort: ['title'] } } } },
    ['email', 'title'],
  ],
  ['a function on a field', 'directus_users', { filter: { 'year(last_access)': { _eq: 2026 } } }, ['last_access']],
  ['through the roles', 'directus_roles', { filter: { users: { _some: { email: { _ends_with: '.cn' } } } } }, ['email']],
  [
    '$FOLLOW to the users',
    'directus_files',
    { filter: { '$FOLLOW(directus_users, avatar)': { _some: { email: { _eq: 'x' } } } } },
    ['email'],
  ],
  ['an m2o compared by key only', 'complaints', { filter: { user_created: { _eq: '1f0c' } } }, []],
  ['the current user by key', 'directus_users', { filter: { id: { _eq: '$CURRENT_USER' } } }, ['id']],
  ['operator values are data, not fields', 'complaints', { filter: { demand: { _in: ['email', 'password'] } } }, []],
  [
    'a case query touching no user',
    'complaints',
    { filter: { policy: { insured: { name: { _eq: '张三' } } } }, sort: 'complaint_no,-due_at', aggregate: { count: ['*'] } },
    [],
  ],
])('%s', (_name, collection, query, expected) => {
  expect([...fieldsQueried('directus_users', collection, query, related)].sort()).toEqual(expected);
});
