import { createError } from '@directus/errors';

/** The caller may not read the case, so may not render or print its letters either. */
export const CaseNotReadableError = createError('AFTER_SALES_CASE_NOT_READABLE', '您没有查看该案件的权限，不能生成或打印其文书。', 403);
