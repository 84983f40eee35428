import { namesField, translateErrorBody } from '../domain/chinese-error-message';
import { unavailableService } from '../domain/unavailable-service';
import { ServiceUnavailableError } from '../errors/service-unavailable-error';
import { fieldLabels } from '../shared/field-labels';
import type { HookSetup } from './hook-context';

type Response = { req: { path: string }; json: (this: Response, body: unknown) => unknown };

/** The collection a request writes or reads (`/items/<collection>…`, `/utils/import/<collection>`). */
const COLLECTION_PATH = /^\/(?:items|utils\/import)\/([^/]+)/;

/**
 * X-ZH: every JSON error the API sends carries a Chinese message (Directus's own are English),
 * naming a field by its Chinese label. Only an error body that names a field waits for the labels
 * (cached, read at most once a minute); nothing after the error handler writes to the response.
 * Set once on the app's response prototype, not per request (see registerSecurityHeaders).
 */
export function registerChineseErrors({ on, context }: HookSetup): void {
  on.init('middlewares.before', ({ app }: any) => {
    const response: Response = app.response;
    const json = response.json;
    response.json = function (body) {
      if (!namesField(body)) return json.call(this, translateErrorBody(body));
      const collection = COLLECTION_PATH.exec(this.req.path)?.[1] ?? null;
      fieldLabels(context.database).then(
        (labels) => json.call(this, translateErrorBody(body, { labels, collection })),
        () => json.call(this, translateErrorBody(body)),
      );
      return this;
    };
  });

  // X-FAULTS: a request that lost the database or Redis (restart, failover, network) is answered 503
  // with a Chinese message to retry, not 500 with the driver's English text. This error middleware sits
  // after every route and before Directus's error handler, so errors of its own middlewares (sign-in,
  // cache) pass here too; the cause is logged once as a warning.
  const databasePort = Number(context.env['DB_PORT']) || (context.env['DB_CLIENT'] === 'pg' ? 5432 : undefined);
  on.init('routes.custom.after', ({ app }: any) => {
    app.use((error: unknown, _req: unknown, _res: unknown, next: (error?: unknown) => void) => {
      const service = unavailableService(error, { databasePort });
      if (!service) return next(error);
      context.logger.warn(error, `[after-sales] ${service} unavailable, answered 503: ${String((error as Error)?.message ?? error)}`);
      next(new ServiceUnavailableError({ service }));
    });
  });
}
