import { translateErrorBody } from '../domain/chinese-error-message';
import type { HookSetup } from './hook-context';

/** X-ZH: every JSON error the API sends carries a Chinese message (Directus's own are English). */
export function registerChineseErrors({ on }: HookSetup): void {
  on.init('middlewares.before', ({ app }: any) => {
    app.use((_req: unknown, res: { json: (body: unknown) => unknown }, next: () => void) => {
      const json = res.json.bind(res);
      res.json = (body: unknown) => json(translateErrorBody(body));
      next();
    });
  });
}
