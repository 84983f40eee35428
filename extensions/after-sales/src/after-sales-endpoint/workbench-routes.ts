import type { Router } from 'express';
import { actorOf } from '../shared/actor';
import { complaintRules } from '../complaints/complaint-rules';
import { readWorkQueue } from '../workbench/read-work-queue';
import { workbenchScope } from '../workbench/workbench-scope';
import { dataFor, type EndpointContext } from './endpoint-context';
import { route } from './route';

/** GET /after-sales/workbench: the caller's work queue (售后工作台), soonest due first. */
export function registerWorkbenchRoutes(router: Router, endpoint: EndpointContext): void {
  router.get(
    '/workbench',
    route(async (req, res) => {
      const actor = await actorOf(req.accountability ?? null, endpoint.database);
      const scope = workbenchScope({ ...actor, isAdmin: req.accountability?.admin === true }, req.query as Record<string, unknown>);
      const data = dataFor(endpoint, req);
      // The policies a user holds (业务部经理, 部门主管 …) decide what they approve and whose penalties they confirm.
      const policies = actor.isAdmin ? [] : await actor.approvalLevels();
      const personal = {
        levels: policies,
        authorities: actor.isAdmin ? [] : (await complaintRules(data)).authorities,
        actor: { isAdmin: actor.isAdmin, userId: actor.userId, department: actor.department, policies },
      };
      const queue = await readWorkQueue(
        data,
        req.accountability ?? null,
        scope.department,
        scope.limit,
        new Date(),
        endpoint.timeZone,
        personal,
      );
      res.set('Cache-Control', 'no-store').json({ data: { ...queue, canChooseDepartment: scope.canChooseDepartment } });
    }),
  );
}
