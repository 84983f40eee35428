import type { SchemaOverview } from '@directus/types';
import { fieldListTakesNewField, type Action } from '../domain/access-matrix';
import { personalFieldsOf } from '../domain/personal-data';
import type { HookSetup } from './hook-context';

/**
 * The departments denied personal data have field lists, not `*`, and so have the departments'
 * complaint updates (setup/seed-access.ts): a field an administrator adds joins those lists at once,
 * as it would with `*`. Directus itself takes a deleted field out of every list.
 */
export function registerWithheldFieldLists({ on, context }: HookSetup): void {
  on.action('fields.create', async ({ key, collection }, { database, schema }) => {
    if ((personalFieldsOf(collection).length === 0 && collection !== 'complaints') || !schema) return;
    // As the system: the administrator's change decides, the lists are the console's own bookkeeping.
    const permissions = new (context.services as Record<string, any>)['PermissionsService']({
      knex: database,
      schema,
      accountability: null,
    });
    const rows: { id: number; action: Action; fields: string[] | null }[] = await permissions.readByQuery({
      filter: { collection: { _eq: collection }, action: { _in: ['read', 'create', 'update'] } },
      fields: ['id', 'action', 'fields'],
      limit: -1,
    });
    const collectionFields = Object.keys((schema as SchemaOverview).collections[collection]?.fields ?? {});
    for (const row of rows) {
      if (fieldListTakesNewField(row.fields ?? [], collectionFields, collection, row.action, String(key)))
        await permissions.updateOne(row.id, { fields: [...(row.fields ?? []), String(key)].sort() });
    }
  });
}
