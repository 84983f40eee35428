import { createError } from '@directus/errors';

export const AdminOnlyError = createError('AFTER_SALES_ADMIN_ONLY', '只有管理员可以执行此操作。', 403);
