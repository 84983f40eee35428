import { createError } from '@directus/errors';

/** A template that cannot render (missing field, bad helper): nothing is issued, the cause is named. */
export const LetterTemplateFailedError = createError<{ reason: string }>('AFTER_SALES_LETTER_TEMPLATE', ({ reason }) => reason, 500);
