import { createError } from '@directus/errors';

/** A status change the case's rules do not allow; the message says which rule. */
export const InvalidCaseStatusError = createError<{ reason: string }>('AFTER_SALES_INVALID_STATUS', ({ reason }) => reason, 400);
