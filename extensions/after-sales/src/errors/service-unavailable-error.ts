import { createError } from '@directus/errors';

/**
 * The database or Redis could not be reached while the request ran (X-FAULTS): 503, retry later. A write
 * cut off at its commit may have been saved, so the clerk is asked to check before entering it again.
 */
const SERVICE_NAMES = { database: '数据库', redis: '缓存服务（Redis）', network: '数据库或其他后台服务' } as const;

export const ServiceUnavailableError = createError<{ service: keyof typeof SERVICE_NAMES }>(
  'AFTER_SALES_SERVICE_UNAVAILABLE',
  ({ service }) =>
    `系统暂时无法连接${SERVICE_NAMES[service] ?? SERVICE_NAMES.network}，请稍后重试。` +
    '如果刚才是在保存或办理，请刷新后先核对是否已经保存，再决定是否重新提交。',
  503,
);
