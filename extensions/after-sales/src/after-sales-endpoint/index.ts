import { defineEndpoint } from '@directus/extensions-sdk';
import type { Response } from 'express';
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
import { registerFieldsNotWrittenRoutes } from './fields-not-written-routes';
import { registerConfigTransferRoutes } from './config-transfer-routes';
import { listMoves, makeMove, type MoveInput } from '../complaints/complaint-moves';
import { deliverOutbox } from '../notices/outbox';
import { dataFor, type EndpointContext } from './endpoint-context';
import { route, type RouteRequest } from './route';

export default defineEndpoint({
  id: 'after-sales',
  handler: (router, { services, database, env, logger }) => {
    const timeZone = businessTimeZone(env);
    const endpoint: EndpointContext = { services, database, env, logger, timeZone };
    const templatesDir = path.resolve(String(env['AFTER_SALES_TEMPLATES_PATH'] ?? 'templates'));
    const data = (req: RouteRequest) => dataFor(endpoint, req);

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
        const result = await runSweep(data(req), new Date(), timeZone);
        res.json({ data: result });
      }, 'admin'),
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

    registerWorkbenchRoutes(router, endpoint);
    registerHistoryRoutes(router, endpoint);
    registerCalendarRoutes(router, endpoint);
    registerIntakeRoutes(router, endpoint);
    registerFieldsNotWrittenRoutes(router, endpoint);
    registerConfigTransferRoutes(router, endpoint);

    // K-MONTHLY: the GM Office (or an administrator) builds the statistics of a month on demand.
    router.post(
      '/stats/:period',
      route(async (req, res) => {
        const actor = await actorOf(req.accountability ?? null, database);
        if (!req.accountability || (!actor.isAdmin && actor.department !== 'gm_office')) throw new StatsForbiddenError();
        const period = String(req.params['period']);
        if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new InvalidPeriodError({ period });
        res.json({ data: await buildMonthlyStats(data(req), period, new Date(), timeZone) });
      }),
    );

    registerDashboardRoutes(router, endpoint);
    registerLoginLockRoutes(router, endpoint);
  },
});
