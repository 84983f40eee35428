import { createError } from '@directus/errors';

/** X-LETTER: an issued letter stays as issued; only the return of the customer's originals is recorded. */
export const LetterImmutableError = createError(
  'AFTER_SALES_LETTER_IMMUTABLE',
  '已出具的文书按原样存档，不能修改或删除；只能登记“原件已返还客户”。',
  403,
);
