import { createError } from '@directus/errors';

/** A case-history request that names no case of the console (unknown collection, malformed key). */
export const HistoryRequestError = createError<{ reason: string }>('AFTER_SALES_HISTORY_REQUEST', ({ reason }) => reason, 400);
