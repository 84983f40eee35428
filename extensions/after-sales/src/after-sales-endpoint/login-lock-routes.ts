import type { Router } from 'express';
import { accountKey, loginLimitsFrom } from '../domain/login-lockout';
import { lockedAccounts, lockedAddresses, unlockAccount, unlockAddress } from '../login/login-failures';
import type { EndpointContext } from './endpoint-context';
import { route } from './route';

/**
 * Login locks for administrators (domain/login-lockout.ts): which accounts and network addresses
 * are locked now, and lifting a lock at once (a locked user phones in; the lock would lapse anyway).
 */
export function registerLoginLockRoutes(router: Router, { database, env }: EndpointContext): void {
  const limits = loginLimitsFrom(env);

  router.get(
    '/locked-accounts',
    route(async (_req, res) => {
      res.set('Cache-Control', 'no-store').json({ data: await lockedAccounts(database, limits, new Date()) });
    }, 'admin'),
  );
  router.delete(
    '/locked-accounts/:email',
    route(async (req, res) => {
      const email = accountKey(req.params['email']);
      res.json({ data: { email, failures_forgotten: email ? await unlockAccount(database, email) : 0 } });
    }, 'admin'),
  );
  router.get(
    '/locked-ips',
    route(async (_req, res) => {
      res.set('Cache-Control', 'no-store').json({ data: await lockedAddresses(database, limits, new Date()) });
    }, 'admin'),
  );
  router.delete(
    '/locked-ips/:ip',
    route(async (req, res) => {
      const ip = String(req.params['ip']);
      res.json({ data: { ip, failures_forgotten: await unlockAddress(database, ip) } });
    }, 'admin'),
  );
}
