import { BACK_ENTRY_FIELDS, backEntryFieldsRefused } from './back-entry-fields';
import { maskedCopiesOf, PERSONAL_FIELDS } from './personal-data';
import { SERVER_SET_FIELDS } from './server-set-fields';

/**
 * Every field a user may not write, by collection, from the lists the write guard refuses with
 * (shared/reject-forged-fields.ts): the server-set fields and masked copies (nobody) and the back-entry
 * times (all but administrators and the named roles). The admin app shows them read-only in the user's
 * forms (app-shell/read-only-fields.ts), so a form and the refusal of its save cannot disagree.
 */
export function fieldsNotWritten(isAdmin: boolean, roleName: string | null): Record<string, string[]> {
  const collections = new Set([...Object.keys(SERVER_SET_FIELDS), ...Object.keys(PERSONAL_FIELDS), ...Object.keys(BACK_ENTRY_FIELDS)]);
  const result: Record<string, string[]> = {};
  for (const collection of [...collections].sort()) {
    const fields = [
      ...Object.keys(SERVER_SET_FIELDS[collection] ?? {}),
      ...maskedCopiesOf(collection),
      ...backEntryFieldsRefused(collection, isAdmin, roleName),
    ];
    if (fields.length) result[collection] = fields;
  }
  return result;
}
