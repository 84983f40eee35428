import { createError } from '@directus/errors';

/** C-LOOKUP (4): several customers share the name, or the person has several policies. */
export const InsuredNotIdentifiedError = createError<{ reason: string }>('AFTER_SALES_INSURED_NOT_IDENTIFIED', ({ reason }) => reason, 400);
