import type { Router } from 'express';
import { exportConfig, importConfig } from '../config-transfer/transfer-config';
import { localDate } from '../domain/zoned-time';
import { dataFor, type EndpointContext } from './endpoint-context';
import { route } from './route';

/**
 * The administrator's configuration between consoles (administrators only): GET /after-sales/config/export
 * → YAML; POST /after-sales/config/import {yaml, dry_run?} → the changes, written all-or-nothing unless dry_run.
 */
export function registerConfigTransferRoutes(router: Router, endpoint: EndpointContext): void {
  router.get(
    '/config/export',
    route(async (req, res) => {
      const now = new Date();
      const yaml = await exportConfig(dataFor(endpoint, req), req.accountability ?? null, now);
      const day = localDate(now, endpoint.timeZone).replaceAll('-', '');
      res
        .type('application/yaml; charset=utf-8')
        .set('Cache-Control', 'no-store')
        .set('Content-Disposition', `attachment; filename="after-sales-config-${day}.yaml"`)
        .send(yaml);
    }, 'admin'),
  );
  router.post(
    '/config/import',
    route(async (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const result = await importConfig(
        dataFor(endpoint, req),
        req.accountability ?? null,
        { yaml: body['yaml'], dryRun: body['dry_run'] === true },
        endpoint.timeZone,
      );
      res.set('Cache-Control', 'no-store').json({ data: result });
    }, 'admin'),
  );
}
