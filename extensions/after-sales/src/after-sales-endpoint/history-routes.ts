import type { Router } from 'express';
import { readCaseHistory } from '../history/read-case-history';
import { dataFor, type EndpointContext } from './endpoint-context';
import { route } from './route';

/** GET /after-sales/history/:collection/:id: a case's revisions under the case's own read rules. */
export function registerHistoryRoutes(router: Router, endpoint: EndpointContext): void {
  router.get(
    '/history/:collection/:id',
    route(async (req, res) => {
      const history = await readCaseHistory(
        dataFor(endpoint, req),
        req.accountability ?? null,
        String(req.params['collection']),
        String(req.params['id']),
      );
      res.set('Cache-Control', 'no-store').json({ data: history });
    }),
  );
}
