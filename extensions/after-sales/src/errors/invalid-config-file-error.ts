import { createError } from '@directus/errors';

/** A configuration file that cannot be imported: the reason names the table, the row and the field. */
export const InvalidConfigFileError = createError<{ reason: string }>(
  'AFTER_SALES_INVALID_CONFIG_FILE',
  ({ reason }) => `配置导入失败，未做任何修改：${reason}`,
  400,
);
