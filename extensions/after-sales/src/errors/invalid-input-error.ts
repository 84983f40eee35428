import { createError } from '@directus/errors';

export interface InvalidInputExtensions {
  field: string;
  label: string;
  rule: string;
}

/** A value the field's rules do not allow (type, calendar date, length, control characters, time order); the message names the field by its label, `field` carries the key. */
export const InvalidInputError = createError<InvalidInputExtensions>(
  'AFTER_SALES_INVALID_INPUT',
  ({ label, rule }) => `“${label}”${rule}。`,
  400,
);
