import { ForbiddenError, InvalidPayloadError } from '@directus/errors';
import { describe, expect, test } from 'vitest';
import { AdminOnlyError } from '../errors/admin-only-error';
import { isForbidden } from './is-forbidden';

describe('a refusal for want of permission, told by its Directus code', () => {
  test.each([
    ['Directus ForbiddenError', new ForbiddenError(), true],
    ['another copy of the class (same name and code)', Object.assign(new Error('x'), { name: 'DirectusError', code: 'FORBIDDEN' }), true],
    ['our own 403', new AdminOnlyError(), false],
    ['an invalid payload', new InvalidPayloadError({ reason: 'x' }), false],
    ['a plain error', new Error('FORBIDDEN'), false],
    ['nothing', null, false],
  ])('%s', (_name, error, forbidden) => {
    expect(isForbidden(error)).toBe(forbidden);
  });
});
