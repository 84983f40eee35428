import type { NextFunction, Request, Response, Router } from 'express';
import { importHolidayNotice } from '../calendar/import-holiday-notice';
import { AdminOnlyError } from '../errors/admin-only-error';

interface EndpointContext {
  services: Record<string, any>;
  database: any;
  timeZone: string;
}

type CalendarRequest = Request & { accountability?: any; schema?: unknown };

/** POST /after-sales/calendar/import {text, dry_run?}: next year's holidays from the State Council's notice (administrators). */
export function registerCalendarRoutes(router: Router, { services, database, timeZone }: EndpointContext): void {
  router.post('/calendar/import', (req: Request, res: Response, next: NextFunction) => {
    const request = req as CalendarRequest;
    (async () => {
      if (request.accountability?.admin !== true) throw new AdminOnlyError();
      const body = (request.body ?? {}) as Record<string, unknown>;
      const result = await importHolidayNotice(
        { services, database, schema: request.schema },
        request.accountability,
        { text: body['text'], dryRun: body['dry_run'] === true },
        new Date(),
        timeZone,
      );
      res.set('Cache-Control', 'no-store').json({ data: result });
    })().catch(next);
  });
}
