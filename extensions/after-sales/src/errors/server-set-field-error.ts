import { createError } from '@directus/errors';

export interface ServerSetFieldExtensions {
  field: string;
  label: string;
}

/** A client tried to write a field only the server sets (a case number, a due date, …). */
export const ServerSetFieldError = createError<ServerSetFieldExtensions>(
  'AFTER_SALES_SERVER_SET_FIELD',
  ({ label }) => `“${label}”由系统自动生成，不能填写或修改。`,
  400,
);
