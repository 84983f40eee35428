import { accountKey, countsAsFailure, loginLimitsFrom } from '../domain/login-lockout';
import { forgetAccountFailures, recordLoginFailure, refuseLockedLogin } from '../login/login-failures';
import type { HookSetup } from './hook-context';

type LoginRequest = { body?: Record<string, unknown>; accountability?: { ip?: string | null } | null };
type LoginEvent = { payload?: Record<string, unknown>; status?: string; error?: { code?: string } };

/**
 * Time-limited login locks (domain/login-lockout.ts) in place of Directus's permanent suspension,
 * which setup switches off (`auth_login_attempts: null` in snapshots/config.yaml).
 * - REST logins are checked before Directus looks the e-mail up, so an address that is no account
 *   is refused exactly like one that is (the 429 tells nobody which e-mails exist).
 * - The `auth.login` filter checks every other way in (GraphQL `auth_login`, an extension calling
 *   AuthenticationService) once the account is known; on REST it repeats the check above.
 * - The `auth.login` action records each failure (after Directus's answer, in the database so a
 *   lock holds across restarts and instances) and forgets the account's failures on success.
 */
export function registerLoginGuard({ on, context }: HookSetup): void {
  const limits = loginLimitsFrom(context.env);
  const { database, logger } = context;

  on.init('routes.before', ({ app }: any) => {
    app.post(['/auth/login', '/auth/login/:provider'], (req: LoginRequest, _res: unknown, next: (error?: unknown) => void) => {
      const attempt = { email: accountKey(req.body?.['email'] ?? req.body?.['identifier']), ip: req.accountability?.ip ?? null };
      refuseLockedLogin(database, limits, attempt, new Date()).then(() => next(), next);
    });
  });

  on.filter('auth.login', async (payload, _meta, { database: knex, accountability }) => {
    const body = payload as Record<string, unknown>;
    await refuseLockedLogin(
      knex,
      limits,
      { email: accountKey(body['email'] ?? body['identifier']), ip: accountability?.ip ?? null },
      new Date(),
    );
    return payload;
  });

  on.action('auth.login', (event, { database: knex, accountability }) => {
    const { payload, status, error } = event as LoginEvent;
    const email = accountKey(payload?.['email'] ?? payload?.['identifier']);
    if (!email) return;
    const now = new Date();
    const done =
      status === 'success'
        ? forgetAccountFailures(knex, email)
        : countsAsFailure(error?.code, Boolean(payload?.['otp']))
          ? recordLoginFailure(knex, { email, ip: accountability?.ip ?? null }, now)
          : Promise.resolve();
    done.catch((failure: unknown) => logger.error(failure, '[after-sales] login failure not recorded'));
  });
}
