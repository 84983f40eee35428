import { createError } from '@directus/errors';

/** A letter request the caller got wrong (missing parameter, wrong case type, case not in the right state). */
export const LetterRequestError = createError<{ reason: string }>('AFTER_SALES_LETTER_REQUEST', ({ reason }) => reason, 400);
