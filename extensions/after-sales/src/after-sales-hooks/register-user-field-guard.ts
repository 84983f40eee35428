import { QUERY_EVENTS, rejectHiddenUserFields } from '../shared/reject-hidden-user-fields';
import { filterContext, type HookSetup } from './hook-context';

/**
 * No query filters, sorts, groups or aggregates users by what the caller may read on their own
 * record only (e-mail, password hash, 2FA secret…): shared/reject-hidden-user-fields.ts.
 */
export function registerUserFieldGuard(setup: HookSetup): void {
  for (const event of QUERY_EVENTS) {
    setup.on.filter(event, async (query, { collection }, eventContext) => {
      await rejectHiddenUserFields(filterContext(setup, eventContext), { collection: String(collection), query: query as never });
      return query;
    });
  }
}
