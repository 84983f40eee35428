import type { Router, NextFunction, Request, Response } from 'express';
import { actorOf } from '../shared/actor';
import { complaintRules } from '../complaints/complaint-rules';
import { businessTimeZone } from '../shared/business-time-zone';
import { readWorkQueue } from '../workbench/read-work-queue';
import { workbenchScope } from '../workbench/workbench-scope';

interface EndpointContext {
  services: Record<string, any>;
  database: any;
  env: Record<string, unknown>;
}

type WorkbenchRequest = Request & { accountability?: any; schema?: unknown };

/** GET /after-sales/workbench: the caller's work queue (售后工作台), soonest due first. */
export function registerWorkbenchRoutes(router: Router, { services, database, env }: EndpointContext): void {
  const timeZone = businessTimeZone(env);
  router.get('/workbench', (req: Request, res: Response, next: NextFunction) => {
    const request = req as WorkbenchRequest;
    (async () => {
      const actor = await actorOf(request.accountability ?? null, database);
      const scope = workbenchScope({ ...actor, isAdmin: request.accountability?.admin === true }, request.query as Record<string, unknown>);
      const data = { services, database, schema: request.schema };
      const approval = actor.isAdmin
        ? { levels: [], authorities: [] }
        : { levels: await actor.approvalLevels(), authorities: (await complaintRules(data)).authorities };
      const queue = await readWorkQueue(
        data,
        request.accountability ?? null,
        scope.department,
        scope.limit,
        new Date(),
        timeZone,
        approval,
      );
      res.set('Cache-Control', 'no-store').json({ data: { ...queue, canChooseDepartment: scope.canChooseDepartment } });
    })().catch(next);
  });
}
