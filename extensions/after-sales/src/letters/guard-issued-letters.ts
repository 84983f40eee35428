import { LetterImmutableError } from '../errors/letter-immutable-error';
import type { HandlerContext, UpdateWrite } from '../shared/handler-context';

const RECORDABLE = new Set(['originals_returned', 'originals_returned_at']);

/**
 * Filter for `letters.items.update`: after issue only the return of the originals may be recorded
 * (for everyone, administrators too); the return time is stamped when it is first recorded.
 */
export function guardLetterUpdate({ accountability, now }: HandlerContext, { payload }: UpdateWrite): Record<string, unknown> {
  if (!accountability) return payload;
  if (Object.keys(payload).some((field) => !RECORDABLE.has(field))) throw new LetterImmutableError();
  if (payload['originals_returned'] === true && !payload['originals_returned_at'])
    return { ...payload, originals_returned_at: now.toISOString() };
  return payload;
}
