import { ErrorCode, isDirectusError } from '@directus/errors';

/** Directus refused a read or write for want of permission (its FORBIDDEN error), whatever copy of the error class threw it. */
export function isForbidden(error: unknown): boolean {
  return isDirectusError(error, ErrorCode.Forbidden);
}
