import type { HookSetup } from './hook-context';

/** The 售后工作台 module's route in the admin app. */
export const WORKBENCH_PAGE = '/after-sales-workbench';

type TokenClaims = { id?: string; app_access?: boolean; admin_access?: boolean };

/**
 * 工作台 as every staff member's start page. The admin app opens, after sign-in, the page the sign-in
 * link asked for, else the user's `last_page` (which it records on every navigation), else 内容;
 * Directus 11 has no landing-page setting. So each successful sign-in of a staff member (app access,
 * not an administrator) sets `last_page` to the workbench before the app reads it: new and existing
 * users alike start there, and administrators keep returning to where they left off.
 * `auth.jwt` with type `login` runs once every check of the sign-in has passed (password, OTP, status).
 */
export function registerStartPage({ on, context }: HookSetup): void {
  on.filter('auth.jwt', async (claims, meta, { database }) => {
    const { id, app_access: appAccess, admin_access: adminAccess } = claims as TokenClaims;
    if ((meta as { type?: string })['type'] !== 'login' || !id || !appAccess || adminAccess) return claims;
    try {
      await database('directus_users').where({ id }).update({ last_page: WORKBENCH_PAGE });
    } catch (error) {
      // A start page is a convenience: never refuse a sign-in over it.
      context.logger.warn(error, '[after-sales] start page not set');
    }
    return claims;
  });
}
