import { securityHeaders } from '../domain/security-headers';
import type { HookSetup } from './hook-context';

type Response = { setHeader: (name: string, value: unknown) => unknown };

/**
 * Security headers on every response (API, admin app, the console's endpoints), registered before
 * Directus's own middlewares so refusals carry them too. Directus announces itself with
 * `X-Powered-By` right after this point; that one header is not passed on.
 */
export function registerSecurityHeaders({ on, context }: HookSetup): void {
  const headers = securityHeaders(String(context.env['PUBLIC_URL'] ?? ''));
  on.init('middlewares.before', ({ app }: any) => {
    app.use((_req: unknown, res: Response, next: () => void) => {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      const setHeader = res.setHeader.bind(res);
      res.setHeader = (name, value) => (name.toLowerCase() === 'x-powered-by' ? res : setHeader(name, value));
      next();
    });
  });
}
