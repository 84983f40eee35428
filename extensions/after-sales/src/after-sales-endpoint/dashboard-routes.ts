import type { Router } from 'express';
import { clocksByIds } from '../domain/deadline-status';
import { ledgerCsv } from '../domain/ledger-csv';
import { ledgerQuery } from '../domain/ledger-query';
import { zonedParts } from '../domain/zoned-time';
import { countDeadlineStatus } from '../dashboards/count-deadline-status';
import { readLedger, readWholeLedger } from '../dashboards/read-ledger';
import { DashboardQueryError } from '../errors/dashboard-query-error';
import { dataFor, type EndpointContext } from './endpoint-context';
import { route, type RouteRequest } from './route';

/**
 * X-DASH: the data of the dashboard panels. Every read runs as the caller, so a department sees
 * in the ledger and the counts exactly the cases it may open. Signed-in users only: the public role
 * would otherwise see the case types and zero counts.
 */
export function registerDashboardRoutes(router: Router, endpoint: EndpointContext): void {
  const { timeZone } = endpoint;
  const data = (req: RouteRequest) => dataFor(endpoint, req);

  router.get(
    '/ledger',
    route(async (req, res) => {
      const now = new Date();
      const parsed = ledgerQuery(req.query as Record<string, unknown>, now, timeZone);
      if ('invalid' in parsed) throw new DashboardQueryError(parsed.invalid);
      const accountability = req.accountability ?? null;
      if (req.query['format'] === 'csv') {
        const csv = ledgerCsv(await readWholeLedger(data(req), accountability, parsed.query, now, timeZone));
        const { year, month, day } = zonedParts(now, timeZone);
        const stamp = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
        res
          .type('text/csv; charset=utf-8')
          .set('Cache-Control', 'no-store')
          .set(
            'Content-Disposition',
            `attachment; filename="ledger-${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(`客户抱怨案件登记追踪表-${stamp}.csv`)}`,
          )
          .send(csv);
        return;
      }
      const page = await readLedger(data(req), accountability, parsed.query, now, timeZone);
      res.json({ data: page.rows, meta: { total: page.total, page: page.page, limit: page.limit } });
    }, 'signed-in'),
  );

  router.get(
    '/deadline-status',
    route(async (req, res) => {
      const ids = String(req.query['clocks'] ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
      const { clocks, unknown, known } = clocksByIds(ids);
      if (unknown.length)
        throw new DashboardQueryError({ field: 'clocks', rule: `未知的时限：${unknown.join('、')}（可选 ${known.join('、')}）` });
      res.json({ data: await countDeadlineStatus(data(req), req.accountability ?? null, clocks, new Date()) });
    }, 'signed-in'),
  );
}
