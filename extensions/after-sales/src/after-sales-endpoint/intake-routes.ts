import type { NextFunction, Request, Response, Router } from 'express';
import { searchPolicies } from '../claims/search-policies';

interface EndpointContext {
  services: Record<string, any>;
  database: any;
}

type IntakeRequest = Request & { accountability?: any; schema?: unknown };

/** GET /after-sales/claim-reports/policy-search?q=…: the policies a caller may mean, as the searcher may see them. */
export function registerIntakeRoutes(router: Router, { services, database }: EndpointContext): void {
  router.get('/claim-reports/policy-search', (req: Request, res: Response, next: NextFunction) => {
    const request = req as IntakeRequest;
    searchPolicies({ services, database, schema: request.schema }, request.accountability ?? null, req.query['q'])
      .then((choices) => res.set('Cache-Control', 'no-store').json({ data: choices }))
      .catch(next);
  });
}
