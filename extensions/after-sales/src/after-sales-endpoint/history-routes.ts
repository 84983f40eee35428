import type { NextFunction, Request, Response, Router } from 'express';
import { readCaseHistory } from '../history/read-case-history';

interface EndpointContext {
  services: Record<string, any>;
  database: any;
}

type HistoryRequest = Request & { accountability?: any; schema?: unknown };

/** GET /after-sales/history/:collection/:id: a case's revisions under the case's own read rules. */
export function registerHistoryRoutes(router: Router, { services, database }: EndpointContext): void {
  router.get('/history/:collection/:id', (req: Request, res: Response, next: NextFunction) => {
    const request = req as HistoryRequest;
    readCaseHistory(
      { services, database, schema: request.schema },
      request.accountability ?? null,
      String(req.params['collection']),
      String(req.params['id']),
    )
      .then((history) => res.set('Cache-Control', 'no-store').json({ data: history }))
      .catch(next);
  });
}
