import { createError } from '@directus/errors';

export interface DuplicateReportExtensions {
  reportNo: string;
  statusLabel: string;
  incidentDay: string;
}

/** C-LOOKUP (1): the case is already reported; staff follow the existing report instead. */
export const DuplicateReportError = createError<DuplicateReportExtensions>(
  'AFTER_SALES_DUPLICATE_REPORT',
  ({ reportNo, statusLabel, incidentDay }) =>
    `该保单 ${incidentDay} 的事故已有报案 ${reportNo}（${statusLabel}），不能重复登记。请告知报案人我司已受理，并在原报案上跟进。`,
  400,
);
