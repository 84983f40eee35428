import type { Accountability } from '@directus/types';
import { forgedServerField } from '../domain/server-set-fields';
import { ServerSetFieldError } from '../errors/server-set-field-error';

/**
 * Filter for `items.create` / `items.update`, registered before every hook that sets such fields:
 * a request (any user, administrators too) may not write a server-set field. Internal writes of
 * the console itself run without accountability and pass.
 */
export function rejectForgedFields(payload: unknown, collection: string, accountability: Accountability | null): void {
  if (!accountability || typeof payload !== 'object' || payload === null) return;
  const rows = Array.isArray(payload) ? payload : [payload];
  for (const row of rows) {
    const forged = forgedServerField(collection, row as Record<string, unknown>);
    if (forged) throw new ServerSetFieldError(forged);
  }
}
