import { forbiddenBackEntry, touchesBackEntry } from '../domain/back-entry-fields';
import { forgedServerField } from '../domain/server-set-fields';
import { BackEntryForbiddenError } from '../errors/back-entry-forbidden-error';
import { ServerSetFieldError } from '../errors/server-set-field-error';
import { DEPARTMENT_ROLES } from '../domain/departments';
import { departmentOf } from './actor';
import type { ClientWrite, HandlerContext } from './handler-context';

/**
 * Filter for `items.create` / `items.update`, registered before every hook that sets such fields:
 * no request may write a server-set field, and only the allowed roles may back-enter event times.
 * Internal writes of the console itself run without accountability and pass.
 */
export async function rejectForgedFields(
  { accountability, database }: HandlerContext,
  { collection, payload }: ClientWrite,
): Promise<void> {
  if (!accountability || typeof payload !== 'object' || payload === null) return;
  const rows = (Array.isArray(payload) ? payload : [payload]) as Record<string, unknown>[];
  for (const row of rows) {
    const forged = forgedServerField(collection, row);
    if (forged) throw new ServerSetFieldError(forged);
  }
  // The role is read only when it can matter: a non-administrator setting a back-entry time.
  if (accountability.admin === true || !rows.some((row) => touchesBackEntry(collection, row))) return;
  const department = await departmentOf(accountability, database);
  const roleName = department ? DEPARTMENT_ROLES[department] : null;
  for (const row of rows) {
    const forbidden = forbiddenBackEntry(collection, row, false, roleName);
    if (forbidden) throw new BackEntryForbiddenError(forbidden);
  }
}
