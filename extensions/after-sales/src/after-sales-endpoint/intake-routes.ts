import type { Router } from 'express';
import { searchPolicies } from '../claims/search-policies';
import { dataFor, type EndpointContext } from './endpoint-context';
import { route } from './route';

/** GET /after-sales/claim-reports/policy-search?q=…: the policies a caller may mean, as the searcher may see them. */
export function registerIntakeRoutes(router: Router, endpoint: EndpointContext): void {
  router.get(
    '/claim-reports/policy-search',
    route(async (req, res) => {
      const choices = await searchPolicies(dataFor(endpoint, req), req.accountability ?? null, req.query['q']);
      res.set('Cache-Control', 'no-store').json({ data: choices });
    }),
  );
}
