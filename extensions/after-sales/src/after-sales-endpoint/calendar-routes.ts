import type { Router } from 'express';
import { importHolidayNotice } from '../calendar/import-holiday-notice';
import { dataFor, type EndpointContext } from './endpoint-context';
import { route } from './route';

/** POST /after-sales/calendar/import {text, dry_run?}: next year's holidays from the State Council's notice (administrators). */
export function registerCalendarRoutes(router: Router, endpoint: EndpointContext): void {
  router.post(
    '/calendar/import',
    route(async (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const result = await importHolidayNotice(
        dataFor(endpoint, req),
        req.accountability ?? null,
        { text: body['text'], dryRun: body['dry_run'] === true },
        new Date(),
        endpoint.timeZone,
      );
      res.set('Cache-Control', 'no-store').json({ data: result });
    }, 'admin'),
  );
}
