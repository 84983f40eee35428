import { createError } from '@directus/errors';

/** The caller may not read the case (or it does not exist), so may not read its history either. */
export const HistoryNotReadableError = createError('AFTER_SALES_HISTORY_NOT_READABLE', '您没有查看该案件的权限，不能查看其修改记录。', 403);
