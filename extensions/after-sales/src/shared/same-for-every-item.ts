import { BatchUpdateConflictError } from '../errors/batch-update-conflict-error';

/**
 * An update of several items writes one payload, so what the server adds to it must come out the
 * same for every item; otherwise the batch is refused (one at a time, each gets its own).
 */
export function sameForEveryItem(results: Record<string, unknown>[]): Record<string, unknown> {
  const first = results[0] ?? {};
  if (results.some((result) => JSON.stringify(result) !== JSON.stringify(first))) throw new BatchUpdateConflictError();
  return first;
}
