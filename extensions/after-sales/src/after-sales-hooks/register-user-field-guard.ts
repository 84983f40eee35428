import { QUERY_EVENTS, rejectHiddenUserFields } from '../shared/reject-hidden-user-fields';
import type { HookSetup } from './hook-context';

/**
 * No query filters, sorts, groups or aggregates users by what the caller may read on their own
 * record only (e-mail, password hash, 2FA secret…): shared/reject-hidden-user-fields.ts.
 */
export function registerUserFieldGuard({ on }: HookSetup): void {
  for (const event of QUERY_EVENTS) {
    on.filter(event, async (query, { collection }, { accountability, database, schema }) => {
      await rejectHiddenUserFields(query as never, String(collection), accountability, database, schema!);
      return query;
    });
  }
}
