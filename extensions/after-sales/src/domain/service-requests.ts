/**
 * S-SURRENDER, S-ENDORSE: a surrender or endorsement request is done (已办结) only once the clerk has
 * done what the rules ask of the desk: reminded the customer which documents to take to the insurer
 * (第五条), guided the customer through the endorsement form (第六条).
 */
export const REQUEST_DUTIES: Record<string, { field: string; duty: string }> = {
  surrender_requests: { field: 'documents_reminded', duty: '提醒客户携带保险单正本、保费收据、身份证件等资料至保险公司办理退保' },
  endorsement_requests: { field: 'form_guided', duty: '指导客户填写批改申请单' },
};

/** Why the request may not be saved as completed, or null. */
export function requestCompletionRefusal(collection: string, merged: Record<string, unknown>): string | null {
  const duty = REQUEST_DUTIES[collection];
  if (!duty || merged['status'] !== 'completed' || [true, 1, '1', 'true'].includes(merged[duty.field] as never)) return null;
  return `尚未${duty.duty}，不能办结。请完成后勾选该项再改为“已办结”。`;
}
