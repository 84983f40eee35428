import type { Accountability } from '@directus/types';
import { LABELS } from '../domain/choice-labels';
import { CLOCK_LABELS, RUNNING_STATUSES, statusFilter, type ClockStatusCounts, type RunningStatus } from '../domain/deadline-status';
import type { ClockDefinition } from '../domain/case-clocks';
import { itemsServiceAs, type DataAccess } from '../shared/data-access';
import { isForbidden } from '../shared/is-forbidden';

/** Running clocks per case type and status, counted as the caller (their item permissions apply). */
export async function countDeadlineStatus(
  data: DataAccess,
  accountability: Accountability | null,
  clocks: ClockDefinition[],
  now: Date,
): Promise<ClockStatusCounts[]> {
  return Promise.all(
    clocks.map(async (definition) => {
      const service = itemsServiceAs(data, definition.collection, accountability);
      let counts: Record<RunningStatus, number> | null = null;
      try {
        const values = await Promise.all(
          RUNNING_STATUSES.map(async (status) => {
            const [result] = await service.readByQuery({
              filter: statusFilter(definition, status, now.toISOString()),
              aggregate: { count: ['*'] },
            });
            return Number(result?.count ?? 0);
          }),
        );
        counts = Object.fromEntries(RUNNING_STATUSES.map((status, index) => [status, values[index]!])) as Record<RunningStatus, number>;
      } catch (error) {
        // A case type the caller may not read counts nothing for them.
        if (!isForbidden(error)) throw error;
      }
      return {
        clock: definition.id,
        label: CLOCK_LABELS[definition.id] ?? definition.id,
        collection: definition.collection,
        collection_label: LABELS['collection']?.[definition.collection] ?? definition.collection,
        counts,
        filters: Object.fromEntries(RUNNING_STATUSES.map((status) => [status, statusFilter(definition, status, '$NOW')])) as Record<
          RunningStatus,
          Record<string, unknown>
        >,
      };
    }),
  );
}
