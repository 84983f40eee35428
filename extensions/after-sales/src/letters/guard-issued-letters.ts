import type { Accountability } from '@directus/types';
import { LetterImmutableError } from '../errors/letter-immutable-error';

const RECORDABLE = new Set(['originals_returned', 'originals_returned_at']);

/**
 * Filter for `letters.items.update`: after issue only the return of the originals may be recorded
 * (for everyone, administrators too); the return time is stamped when it is first recorded.
 */
export function guardLetterUpdate(
  payload: Record<string, unknown>,
  accountability: Accountability | null,
  now: Date,
): Record<string, unknown> {
  if (!accountability) return payload;
  if (Object.keys(payload).some((field) => !RECORDABLE.has(field))) throw new LetterImmutableError();
  if (payload['originals_returned'] === true && !payload['originals_returned_at'])
    return { ...payload, originals_returned_at: now.toISOString() };
  return payload;
}
