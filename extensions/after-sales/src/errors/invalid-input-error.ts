import { createError } from '@directus/errors';

export interface InvalidInputExtensions {
  field: string;
  label: string;
  rule: string;
}

/** A value the field's rules do not allow (type, calendar date, length, markup, time order). */
export const InvalidInputError = createError<InvalidInputExtensions>('AFTER_SALES_INVALID_INPUT', ({ field, label, rule }) => `“${label}”（${field}）${rule}。`, 400);
