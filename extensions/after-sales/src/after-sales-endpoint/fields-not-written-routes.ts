import type { Router } from 'express';
import { DEPARTMENT_ROLES } from '../domain/departments';
import { fieldsNotWritten } from '../domain/fields-not-written';
import { departmentOf } from '../shared/actor';
import type { EndpointContext } from './endpoint-context';
import { route } from './route';

/**
 * GET /after-sales/fields-not-written → {data: {collection: [field…]}}: the fields the caller may not write,
 * from the lists the write guard refuses with; the app shows them read-only in the caller's forms.
 */
export function registerFieldsNotWrittenRoutes(router: Router, endpoint: EndpointContext): void {
  router.get(
    '/fields-not-written',
    route(async (req, res) => {
      const accountability = req.accountability ?? null;
      const department = await departmentOf(accountability, endpoint.database);
      const roleName = department ? DEPARTMENT_ROLES[department] : null;
      res.set('Cache-Control', 'no-store').json({ data: fieldsNotWritten(accountability?.admin === true, roleName) });
    }, 'signed-in'),
  );
}
