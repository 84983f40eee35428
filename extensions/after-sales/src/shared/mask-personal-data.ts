import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { maskByFieldName, maskItems, seesFullPersonalData, type RelatedCollection } from '../domain/personal-data';
import { roleNameOf } from './actor';

function relatedBySchema(schema: SchemaOverview): RelatedCollection {
  return (collection, field) => {
    for (const relation of schema.relations) {
      if (relation.collection === collection && relation.field === field) return relation.related_collection;
      if (relation.related_collection === collection && relation.meta?.one_field === field) return relation.collection;
    }
    return null;
  };
}

/**
 * Filter for `items.read`: users whose department does not need them get ID numbers and phone
 * numbers masked, in lists, forms, exports and whatever a letter reads with their permissions.
 * The console's own reads (no accountability) and administrators see full values.
 */
export async function maskPersonalData<T>(items: T, collection: string, accountability: Accountability | null, database: Knex, schema: SchemaOverview): Promise<T> {
  if (!accountability || accountability.admin) return items;
  if (seesFullPersonalData(false, await roleNameOf(accountability, database))) return items;
  return maskItems(collection, items, relatedBySchema(schema));
}

/**
 * Filter for `revisions.read`: an item's history holds the values as saved (`data`, `delta`), so the
 * same masking applies to it, by the collection each revision belongs to.
 */
export async function maskPersonalDataInRevisions<T>(revisions: T, accountability: Accountability | null, database: Knex, schema: SchemaOverview): Promise<T> {
  if (!accountability || accountability.admin || !Array.isArray(revisions)) return revisions;
  if (seesFullPersonalData(false, await roleNameOf(accountability, database))) return revisions;
  const related = relatedBySchema(schema);
  return revisions.map((revision: Record<string, unknown>) => {
    // Without `collection` among the requested fields, the field names decide.
    const collection = typeof revision['collection'] === 'string' ? revision['collection'] : null;
    const masked = { ...revision };
    for (const key of ['data', 'delta']) {
      const snapshot = masked[key];
      if (!snapshot || typeof snapshot !== 'object') continue;
      masked[key] = collection ? maskItems(collection, snapshot, related) : maskByFieldName(snapshot as Record<string, unknown>);
    }
    return masked;
  }) as T;
}
