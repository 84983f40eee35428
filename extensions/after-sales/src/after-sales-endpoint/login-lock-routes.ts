import type { NextFunction, Request, Response, Router } from 'express';
import type { Knex } from 'knex';
import { accountKey, loginLimitsFrom } from '../domain/login-lockout';
import { AdminOnlyError } from '../errors/admin-only-error';
import { lockedAccounts, lockedAddresses, unlockAccount, unlockAddress } from '../login/login-failures';

type Req = Request & { accountability?: { admin?: boolean } | null };
/** Administrators only; every rejection reaches Directus's error handler. */
const adminRoute = (handler: (req: Req, res: Response) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) =>
  (async () => {
    if ((req as Req).accountability?.admin !== true) throw new AdminOnlyError();
    await handler(req as Req, res);
  })().catch(next);

/**
 * Login locks for administrators (domain/login-lockout.ts): which accounts and network addresses
 * are locked now, and lifting a lock at once (a locked user phones in; the lock would lapse anyway).
 */
export function registerLoginLockRoutes(router: Router, { database, env }: { database: Knex; env: Record<string, unknown> }): void {
  const limits = loginLimitsFrom(env);

  router.get(
    '/locked-accounts',
    adminRoute(async (_req, res) => {
      res.set('Cache-Control', 'no-store').json({ data: await lockedAccounts(database, limits, new Date()) });
    }),
  );
  router.delete(
    '/locked-accounts/:email',
    adminRoute(async (req, res) => {
      const email = accountKey(req.params['email']);
      res.json({ data: { email, failures_forgotten: email ? await unlockAccount(database, email) : 0 } });
    }),
  );
  router.get(
    '/locked-ips',
    adminRoute(async (_req, res) => {
      res.set('Cache-Control', 'no-store').json({ data: await lockedAddresses(database, limits, new Date()) });
    }),
  );
  router.delete(
    '/locked-ips/:ip',
    adminRoute(async (req, res) => {
      const ip = String(req.params['ip']);
      res.json({ data: { ip, failures_forgotten: await unlockAddress(database, ip) } });
    }),
  );
}
