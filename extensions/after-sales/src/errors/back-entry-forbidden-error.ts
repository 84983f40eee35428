import { createError } from '@directus/errors';

export interface BackEntryForbiddenExtensions {
  field: string;
  label: string;
  allowed: string;
}

/** Only administrators (and for some fields one department) may back-enter the real time of an event. */
export const BackEntryForbiddenError = createError<BackEntryForbiddenExtensions>(
  'AFTER_SALES_BACK_ENTRY_FORBIDDEN',
  ({ label, allowed }) => `“${label}”记录事件的实际时间，只有${allowed}可以补录；其他情况下由系统在事件发生时自动记录。`,
  403,
);
