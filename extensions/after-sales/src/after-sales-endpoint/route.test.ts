import type { NextFunction, Request, Response } from 'express';
import { describe, expect, test } from 'vitest';
import { route, type RouteAccess } from './route';

/** Runs a wrapped route once; resolves with what reached `next` (undefined when nothing did) and whether the handler ran. */
async function call(accountability: unknown, access: RouteAccess | undefined, handler: () => Promise<unknown>) {
  let ran = false;
  const reached = await new Promise<unknown>((resolve) => {
    const next = ((error?: unknown) => resolve(error)) as NextFunction;
    route(async () => {
      ran = true;
      await handler();
      resolve(undefined);
    }, access)({ accountability } as unknown as Request, {} as Response, next);
  });
  return { reached: reached as { code?: string; status?: number } | undefined, ran };
}

const admin = { user: 'a', role: null, admin: true };
const clerk = { user: 'c', role: 'r', admin: false };
const publicRole = { user: null, role: null, admin: false };

describe('route(): every endpoint route', () => {
  test('a rejection of the handler reaches next', async () => {
    const failure = new Error('boom');
    const { reached } = await call(clerk, undefined, () => Promise.reject(failure));
    expect(reached).toBe(failure);
  });

  test.each([
    ['admin', admin, undefined],
    ['admin', clerk, 'AFTER_SALES_ADMIN_ONLY'],
    ['admin', null, 'AFTER_SALES_ADMIN_ONLY'],
    ['signed-in', clerk, undefined],
    ['signed-in', admin, undefined],
    ['signed-in', publicRole, 'FORBIDDEN'],
    ['anyone', publicRole, undefined],
  ] as const)('%s route, caller %j: refused with %s', async (access, accountability, code) => {
    const { reached, ran } = await call(accountability, access, async () => undefined);
    expect(reached?.code).toBe(code);
    expect(reached?.status).toBe(code ? 403 : undefined);
    expect(ran).toBe(code === undefined);
  });
});
