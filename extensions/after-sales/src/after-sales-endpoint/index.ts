import { defineEndpoint } from '@directus/extensions-sdk';
import type { NextFunction, Request, Response } from 'express';
import { AdminOnlyError } from '../errors/admin-only-error';
import { businessTimeZone } from '../shared/business-time-zone';
import { runSweep } from '../sweep/run-sweep';
import { buildMonthlyStats } from '../complaints/build-monthly-stats';
import { actorOf } from '../shared/actor';
import { StatsForbiddenError } from '../errors/stats-forbidden-error';
import { InvalidPeriodError } from '../errors/invalid-period-error';
import { LetterRequestError } from '../errors/letter-request-error';
import { issueLetter, previewLetter, printLetter, type LetterRequest } from '../letters/letter-service';
import path from 'node:path';
import { registerDashboardRoutes } from './dashboard-routes';
import { registerLoginLockRoutes } from './login-lock-routes';
import { registerHistoryRoutes } from './history-routes';
import { registerWorkbenchRoutes } from './workbench-routes';
import { registerCalendarRoutes } from './calendar-routes';
import { registerIntakeRoutes } from './intake-routes';
import { listMoves, makeMove, type MoveInput } from '../complaints/complaint-moves';
import { deliverOutbox } from '../notices/outbox';

type Handler = (req: Request & { accountability?: any; schema?: unknown }, res: Response) => Promise<unknown>;

/** Every rejection reaches Directus's error handler, which answers with a proper Directus error. */
const route = (handler: Handler) => (req: Request, res: Response, next: NextFunction) => handler(req as never, res).catch(next);

export default defineEndpoint({
  id: 'after-sales',
  handler: (router, { services, database, env, logger }) => {
    const timeZone = businessTimeZone(env);
    const templatesDir = path.resolve(String(env['AFTER_SALES_TEMPLATES_PATH'] ?? 'templates'));
    const data = (req: { schema?: unknown }) => ({ services, database, schema: req.schema });

    /** template, collection and item of a letter request, from the query or the body. */
    function letterRequest(source: Record<string, unknown>): LetterRequest {
      const missing = ['template', 'collection', 'item'].filter(
        (key) => typeof source[key] !== 'string' && typeof source[key] !== 'number',
      );
      if (missing.length) throw new LetterRequestError({ reason: `缺少参数：${missing.join('、')}（需要 template、collection、item）。` });
      return {
        template: String(source['template']),
        collection: String(source['collection']),
        item: String(source['item']),
        reason: source['reason'],
      };
    }
    const sendHtml = (res: Response, html: string) => res.type('text/html; charset=utf-8').set('Cache-Control', 'no-store').send(html);

    router.get(
      '/letters/preview',
      route(async (req, res) =>
        sendHtml(
          res,
          await previewLetter(
            data(req),
            req.accountability ?? null,
            letterRequest(req.query as Record<string, unknown>),
            templatesDir,
            timeZone,
            new Date(),
          ),
        ),
      ),
    );
    router.post(
      '/letters',
      route(async (req, res) => {
        res.json({
          data: await issueLetter(
            data(req),
            req.accountability ?? null,
            letterRequest((req.body ?? {}) as Record<string, unknown>),
            templatesDir,
            timeZone,
            new Date(),
          ),
        });
      }),
    );
    router.get(
      '/letters/:id/print',
      route(async (req, res) => sendHtml(res, await printLetter(data(req), req.accountability ?? null, String(req.params['id'])))),
    );

    router.post(
      '/sweep',
      route(async (req, res) => {
        if (req.accountability?.admin !== true) throw new AdminOnlyError();
        const result = await runSweep({ services, database, schema: req.schema }, new Date(), timeZone);
        res.json({ data: result });
      }),
    );

    // X-ACTIONS: the moves a user may make on a complaint now, and making one (all-or-nothing).
    router.get(
      '/complaints/:id/moves',
      route(async (req, res) => {
        res
          .set('Cache-Control', 'no-store')
          .json({ data: await listMoves(data(req), req.accountability ?? null, String(req.params['id'])) });
      }),
    );
    router.post(
      '/complaints/:id/moves',
      route(async (req, res) => {
        const moved = await makeMove(
          data(req),
          req.accountability ?? null,
          String(req.params['id']),
          (req.body ?? {}) as MoveInput,
          new Date(),
          timeZone,
        );
        // Committed: its notices go out now; whatever fails here stays pending for the sweep.
        void deliverOutbox(data(req), new Date(), moved.outbox).catch((error) =>
          logger.error(error, '[after-sales] outbox delivery failed'),
        );
        res.json({ data: { complaint: moved.complaint, step: moved.step } });
      }),
    );

    registerWorkbenchRoutes(router, { services, database, env });
    registerHistoryRoutes(router, { services, database });
    registerCalendarRoutes(router, { services, database, timeZone });
    registerIntakeRoutes(router, { services, database });

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

    registerDashboardRoutes(router, services, database, timeZone);
    registerLoginLockRoutes(router, { database, env });
  },
});
