import { createError } from '@directus/errors';

/** A batch edit would give the selected cases different results (deadlines, review), which one payload cannot carry. */
export const BatchUpdateConflictError = createError(
  'AFTER_SALES_BATCH_UPDATE_CONFLICT',
  '这次批量修改会使所选案件得出不同的结果（期限、审核结论等），请逐条修改。',
  400,
);
