import { defineEndpoint } from '@directus/extensions-sdk';
import type { NextFunction, Request, Response } from 'express';
import { AdminOnlyError } from '../errors/admin-only-error';
import { businessTimeZone } from '../shared/business-time-zone';
import { runSweep } from '../sweep/run-sweep';
import { buildMonthlyStats } from '../complaints/build-monthly-stats';
import { actorOf } from '../shared/actor';
import { StatsForbiddenError } from '../errors/stats-forbidden-error';
import { InvalidPeriodError } from '../errors/invalid-period-error';

type Handler = (req: Request & { accountability?: any; schema?: unknown }, res: Response) => Promise<unknown>;

/** Every rejection reaches Directus's error handler, which answers with a proper Directus error. */
const route = (handler: Handler) => (req: Request, res: Response, next: NextFunction) => handler(req as never, res).catch(next);

export default defineEndpoint({
  id: 'after-sales',
  handler: (router, { services, database, env }) => {
    const timeZone = businessTimeZone(env);

    router.post(
      '/sweep',
      route(async (req, res) => {
        if (req.accountability?.admin !== true) throw new AdminOnlyError();
        const result = await runSweep({ services, database, schema: req.schema }, new Date(), timeZone);
        res.json({ data: result });
      }),
    );

    // K-MONTHLY: the GM Office (or an administrator) builds the statistics of a month on demand.
    router.post(
      '/stats/:period',
      route(async (req, res) => {
        const actor = await actorOf(req.accountability ?? null, database);
        if (!req.accountability || (!actor.isAdmin && actor.department !== 'gm_office')) throw new StatsForbiddenError();
        const period = String(req.params['period']);
        if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new InvalidPeriodError({ period });
        res.json({ data: await buildMonthlyStats({ services, database, schema: req.schema }, period, new Date(), timeZone) });
      }),
    );
  },
});
