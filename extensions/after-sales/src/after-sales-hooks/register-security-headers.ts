import { securityHeaders } from '../domain/security-headers';
import type { HookSetup } from './hook-context';

type Response = { setHeader: (this: Response, name: string, value: unknown) => unknown };

/**
 * Security headers on every response (API, admin app, the console's endpoints), registered before
 * Directus's own middlewares so refusals carry them too. Directus announces itself with
 * `X-Powered-By` right after this point; that one header is not passed on.
 *
 * The filter sits on the app's response prototype, set once: a method assigned to every response
 * (a closure per request) kept each request's objects alive through two young-generation collections
 * and doubled the time of each (issue 21's intake figure).
 */
export function registerSecurityHeaders({ on, context }: HookSetup): void {
  const headers = Object.entries(securityHeaders(String(context.env['PUBLIC_URL'] ?? '')));
  on.init('middlewares.before', ({ app }: any) => {
    const response: Response = app.response;
    const setHeader = response.setHeader;
    response.setHeader = function (name, value) {
      return String(name).toLowerCase() === 'x-powered-by' ? this : setHeader.call(this, name, value);
    };
    app.use((_req: unknown, res: Response, next: () => void) => {
      for (const [name, value] of headers) res.setHeader(name, value);
      next();
    });
  });
}
