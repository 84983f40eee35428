import * as CHOICES from '../../../../scripts/model/choices.mjs';

/** A choice list of the data model (scripts/model/choices.mjs) as key → Chinese label. */
export const labelsOf = <Key extends string>(choices: readonly { value: Key; text: string }[]): Record<Key, string> =>
  Object.fromEntries(choices.map(({ value, text }) => [value, text])) as Record<Key, string>;

/**
 * The Chinese wording of each stored choice key, by kind: what letters print
 * (`{{label "cause" report.incident_cause}}`) and what server messages say. Written once, as the
 * schema's choices in scripts/model/choices.mjs, so letters, messages and the admin UI never disagree.
 */
export const LABELS: Record<string, Record<string, string>> = {
  cause: labelsOf(CHOICES.CAUSES),
  rejection_reason: labelsOf(CHOICES.REJECTION_REASONS),
  // The department names are the role names (domain/departments.ts), so a letter and the console never disagree.
  department: labelsOf(CHOICES.DEPARTMENTS),
  stage: labelsOf(CHOICES.STAGES),
  policy_status: labelsOf(CHOICES.POLICY_STATUSES),
  collection: labelsOf(CHOICES.CASE_COLLECTIONS),
  major_reason: labelsOf(CHOICES.MAJOR_REASONS),
  report_status: labelsOf(CHOICES.REPORT_STATUSES),
  claim_type: labelsOf(CHOICES.CLAIM_TYPES),
  application_status: labelsOf(CHOICES.APPLICATION_STATUSES),
  penalty_type: labelsOf(CHOICES.PENALTY_TYPES),
  responsibility_confirmation: labelsOf(CHOICES.RESPONSIBILITY_CONFIRMATIONS),
  improvement_status: labelsOf(CHOICES.IMPROVEMENT_STATUSES),
  quality_result: labelsOf(CHOICES.QUALITY_RESULTS),
  quality_report_status: labelsOf(CHOICES.QUALITY_REPORT_STATUSES),
  petition_status: labelsOf(CHOICES.PETITION_STATUSES),
  document: labelsOf(CHOICES.DOCUMENT_TYPES),
  channel: labelsOf(CHOICES.CHANNELS),
  // 时限规则 节点/阶段 and 服务话术 步骤 (rule tables shown with labels, not keys).
  milestone: labelsOf(CHOICES.DEADLINE_MILESTONES),
  guidance_step: labelsOf(CHOICES.GUIDANCE_STEPS),
};
