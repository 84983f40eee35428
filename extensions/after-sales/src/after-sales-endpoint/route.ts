import { ForbiddenError } from '@directus/errors';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { NextFunction, Request, Response } from 'express';
import { AdminOnlyError } from '../errors/admin-only-error';

/** A request as Directus hands it to an endpoint: who calls and the schema of this request. */
export type RouteRequest = Request & { accountability?: Accountability | null; schema?: SchemaOverview };

/**
 * Who may call a route before its handler runs: `anyone` leaves it to the permissions of the reads and
 * writes it makes as the caller, `signed-in` refuses the public role, `admin` administrators only.
 */
export type RouteAccess = 'anyone' | 'signed-in' | 'admin';

function checkAccess(accountability: Accountability | null | undefined, access: RouteAccess): void {
  if (access === 'admin' && accountability?.admin !== true) throw new AdminOnlyError();
  if (access === 'signed-in' && !accountability?.user && accountability?.admin !== true) throw new ForbiddenError();
}

/**
 * Every endpoint route, like Directus's own asyncHandler: the access check, then the handler; every
 * throw and rejection reaches `next`, so Directus's error handler answers with a proper Directus error.
 */
export const route =
  (handler: (req: RouteRequest, res: Response) => Promise<unknown>, access: RouteAccess = 'anyone') =>
  (req: Request, res: Response, next: NextFunction) =>
    Promise.resolve()
      .then(() => {
        checkAccess((req as RouteRequest).accountability, access);
        return handler(req as RouteRequest, res);
      })
      .catch(next);
