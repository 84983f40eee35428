import { createError } from '@directus/errors';

export const StatsForbiddenError = createError('AFTER_SALES_STATS_FORBIDDEN', '客户投诉案件统计表由总经理室或管理员生成。', 403);
