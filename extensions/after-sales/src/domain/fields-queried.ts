/**
 * The fields of one collection that a Directus query filters, sorts, aggregates or groups by,
 * wherever they sit: at the root, behind relational paths (`user_created.email`,
 * `{ steps: { _some: { actor: { email: … } } } }`), in `deep` queries of related items. Directus
 * applies these clauses to the stored column, not to the value a field permission lets the user
 * see, so a field readable in some rows only (one's own user record) must not appear in them.
 * Pure: relations come from a lookup over the schema.
 */

/** The collection a relational field leads to, or null when the field is not relational. */
export type RelatedCollection = (collection: string, field: string) => string | null;

export interface QueryClauses {
  filter?: unknown;
  sort?: unknown;
  aggregate?: unknown;
  group?: unknown;
  deep?: unknown;
}

type Found = (collection: string, field: string) => void;

const LOGICAL = new Set(['_and', '_or']);
const QUANTIFIERS = new Set(['_some', '_none']);

/** `year(date_created)` → `date_created`; `$FOLLOW(collection, field)` names the collection it leads to. */
function fieldOf(key: string): { field: string; follow: string | null; scope: string | null } {
  const follow = /^\$FOLLOW\(\s*([^,\s)]+)\s*,\s*([^,\s)]+)\s*\)$/.exec(key);
  if (follow) return { field: key, follow: follow[1]!, scope: null };
  const call = /^\w+\((.+)\)$/.exec(key);
  const bare = call ? call[1]! : key;
  const [field, scope] = bare.split(':') as [string, string | undefined];
  return { field, follow: null, scope: scope ?? null };
}

function relatedOf(collection: string, key: string, related: RelatedCollection): { field: string; next: string | null } {
  const { field, follow, scope } = fieldOf(key);
  return { field, next: follow ?? scope ?? related(collection, field) };
}

function walkFilter(filter: unknown, collection: string, related: RelatedCollection, found: Found): void {
  if (Array.isArray(filter)) {
    for (const part of filter) walkFilter(part, collection, related, found);
    return;
  }
  if (typeof filter !== 'object' || filter === null) return;
  for (const [key, value] of Object.entries(filter)) {
    if (LOGICAL.has(key) || QUANTIFIERS.has(key)) {
      walkFilter(value, collection, related, found);
      continue;
    }
    // Any other key starting with `_` is an operator; its value is data, not fields.
    if (key.startsWith('_')) continue;
    const { field, next } = relatedOf(collection, key, related);
    if (!key.startsWith('$FOLLOW')) found(collection, field);
    if (next) walkFilter(value, next, related, found);
  }
}

function walkPath(path: string, collection: string, related: RelatedCollection, found: Found): void {
  let current: string | null = collection;
  for (const segment of path.replace(/^-/, '').split('.')) {
    if (!current || segment === '' || segment === '*') return;
    const { field, next } = relatedOf(current, segment, related);
    found(current, field);
    current = next;
  }
}

const pathsOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : typeof value === 'string'
      ? value.split(',').map((item) => item.trim())
      : [];

function walkDeep(deep: unknown, collection: string, related: RelatedCollection, found: Found): void {
  if (typeof deep !== 'object' || deep === null) return;
  for (const [key, value] of Object.entries(deep)) {
    if (key === '_filter') walkFilter(value, collection, related, found);
    else if (key === '_sort' || key === '_groupBy') for (const path of pathsOf(value)) walkPath(path, collection, related, found);
    else if (key === '_aggregate') walkAggregate(value, collection, related, found);
    else if (!key.startsWith('_')) {
      const { next } = relatedOf(collection, key, related);
      if (next) walkDeep(value, next, related, found);
    }
  }
}

function walkAggregate(aggregate: unknown, collection: string, related: RelatedCollection, found: Found): void {
  if (typeof aggregate !== 'object' || aggregate === null) return;
  for (const fields of Object.values(aggregate)) for (const path of pathsOf(fields)) walkPath(path, collection, related, found);
}

/** The fields of `target` that `query` (on `collection`) filters, sorts, aggregates or groups by. */
export function fieldsQueried(target: string, collection: string, query: QueryClauses, related: RelatedCollection): Set<string> {
  const fields = new Set<string>();
  const found: Found = (at, field) => {
    if (at === target) fields.add(field);
  };
  walkFilter(query.filter, collection, related, found);
  for (const path of pathsOf(query.sort)) walkPath(path, collection, related, found);
  walkAggregate(query.aggregate, collection, related, found);
  for (const path of pathsOf(query.group)) walkPath(path, collection, related, found);
  walkDeep(query.deep, collection, related, found);
  return fields;
}
