import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { forbiddenBackEntry } from '../domain/back-entry-fields';
import { forgedServerField } from '../domain/server-set-fields';
import { BackEntryForbiddenError } from '../errors/back-entry-forbidden-error';
import { ServerSetFieldError } from '../errors/server-set-field-error';
import { roleNameOf } from './actor';

/**
 * Filter for `items.create` / `items.update`, registered before every hook that sets such fields:
 * no request may write a server-set field, and only the allowed roles may back-enter event times.
 * Internal writes of the console itself run without accountability and pass.
 */
export async function rejectForgedFields(payload: unknown, collection: string, accountability: Accountability | null, database: Knex): Promise<void> {
  if (!accountability || typeof payload !== 'object' || payload === null) return;
  const rows = (Array.isArray(payload) ? payload : [payload]) as Record<string, unknown>[];
  for (const row of rows) {
    const forged = forgedServerField(collection, row);
    if (forged) throw new ServerSetFieldError(forged);
  }
  let roleName: string | null | undefined;
  for (const row of rows) {
    if (roleName === undefined) roleName = await roleNameOf(accountability, database);
    const forbidden = forbiddenBackEntry(collection, row, accountability.admin === true, roleName);
    if (forbidden) throw new BackEntryForbiddenError(forbidden);
  }
}
