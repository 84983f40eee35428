import { defineEndpoint } from '@directus/extensions-sdk';
import type { NextFunction, Request, Response } from 'express';
import { AdminOnlyError } from '../errors/admin-only-error';
import { businessTimeZone } from '../shared/business-time-zone';
import { runSweep } from '../sweep/run-sweep';

type Handler = (req: Request & { accountability?: { admin?: boolean } | null; schema?: unknown }, res: Response) => Promise<unknown>;

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
  },
});
