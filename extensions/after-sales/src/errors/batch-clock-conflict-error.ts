import { createError } from '@directus/errors';

/** A batch edit would give the selected cases different deadlines, which one payload cannot carry. */
export const BatchClockConflictError = createError(
  'AFTER_SALES_BATCH_CLOCK_CONFLICT',
  '这次批量修改会使所选案件的期限各不相同，请逐条修改。',
  400,
);
