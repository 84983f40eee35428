import { createError } from '@directus/errors';

/** A policy search without enough to search for. */
export const PolicySearchError = createError<{ reason: string }>('AFTER_SALES_POLICY_SEARCH', ({ reason }) => reason, 400);
