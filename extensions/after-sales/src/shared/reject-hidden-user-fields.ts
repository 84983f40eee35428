import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { fieldsQueried, type QueryClauses, type RelatedCollection } from '../domain/fields-queried';
import { UserFieldQueryError } from '../errors/user-field-query-error';
import type { HandlerContext } from './handler-context';

const USERS = 'directus_users';

/**
 * Every read goes through one of these filter events (ItemsService.readByQuery: REST, GraphQL,
 * exports, relational reads of the app), product collections through `items.query`, each system
 * collection through its own scope.
 */
export const QUERY_EVENTS = [
  'items.query',
  ...[
    'access',
    'activity',
    'collections',
    'comments',
    'dashboards',
    'deployment_projects',
    'deployment_runs',
    'deployments',
    'extensions',
    'fields',
    'files',
    'flows',
    'folders',
    'migrations',
    'notifications',
    'operations',
    'panels',
    'permissions',
    'policies',
    'presets',
    'relations',
    'revisions',
    'roles',
    'sessions',
    'settings',
    'shares',
    'translations',
    'users',
    'versions',
  ].map((scope) => `${scope}.query`),
];

function relatedBySchema(schema: SchemaOverview): RelatedCollection {
  return (collection, field) => {
    for (const relation of schema.relations) {
      if (relation.collection === collection && relation.field === field) return relation.related_collection;
      if (relation.related_collection === collection && relation.meta?.one_field === field) return relation.collection;
    }
    return null;
  };
}

const parsed = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/**
 * The directus_users fields this user may read in every user row they can see: those of read
 * permissions without an item rule. Directus's own app permission adds e-mail, password hash, 2FA
 * secret… for the user's own row only (`id = $CURRENT_USER`); those are not among them.
 */
async function userFieldsReadableInEveryRow(database: Knex, accountability: Accountability): Promise<Set<string>> {
  const rows: { fields: string | string[] | null; permissions: unknown }[] = await database('directus_permissions as p')
    .join('directus_access as a', 'a.policy', 'p.policy')
    .select('p.fields', 'p.permissions')
    .where({ 'p.collection': USERS, 'p.action': 'read' })
    .where((scope) => {
      scope.whereIn('a.role', accountability.roles ?? []);
      if (accountability.user) scope.orWhere('a.user', accountability.user);
    });
  const fields = new Set<string>();
  for (const row of rows) {
    const rule = parsed(row.permissions);
    if (rule !== null && typeof rule === 'object' && Object.keys(rule).length > 0) continue;
    for (const field of Array.isArray(row.fields) ? row.fields : String(row.fields ?? '').split(',')) if (field) fields.add(field.trim());
  }
  return fields;
}

/**
 * Filter for every `*.query` event: a query by a non-administrator may filter, sort, group or
 * aggregate users only by fields it may read in every user row. Directus 11 applies those clauses
 * to the stored column, not to what the field permissions show, so without this `aggregate[min]=email`
 * or `filter[email][_starts_with]=…` (also via `user_created.email` of any case) would reveal the
 * e-mail (or password hash, 2FA secret) of every user whose name the caller may read. Reading one's
 * own e-mail (`fields=email`, `/users/me`) is untouched: Directus shows it for the own row only.
 */
export async function rejectHiddenUserFields(
  { accountability, database, schema }: HandlerContext,
  { collection, query }: { collection: string; query: QueryClauses },
): Promise<void> {
  if (!accountability || accountability.admin) return;
  const queried = [...fieldsQueried(USERS, collection, query, relatedBySchema(schema as SchemaOverview))].filter((field) => field !== 'id');
  if (queried.length === 0) return;
  const readable = await userFieldsReadableInEveryRow(database, accountability);
  if (readable.has('*')) return;
  const hidden = queried.filter((field) => !readable.has(field)).sort();
  if (hidden.length > 0) throw new UserFieldQueryError({ fields: hidden.join('、') });
}
