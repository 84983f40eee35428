import { forgedMaskedCopy } from './personal-data';

/**
 * Fields only the server writes: case numbers, eligibility results, clocks, approvals. A value sent
 * by any client (administrators included) is refused, so none of them can be forged or typed in.
 * Roles may still hold write permission on them: the hooks that compute them run before the
 * permission check of the same request.
 */
export const SERVER_SET_FIELDS: Record<string, Record<string, string>> = {
  claim_reports: {
    report_no: '报案号',
    policy_start_date: '保险期间起',
    policy_end_date: '保险期间止',
    rejection_reasons: '不予受理原因',
    duplicate_of: '重复报案',
    is_major: '重大案件',
    major_reasons: '重大案件原因',
    hq_due_at: '呈报总部期限',
    hq_warn_at: '呈报总部预警时间',
    scene_protection_notified_by: '通知保护现场人',
    insurer_survey_notified_by: '通知查勘人',
    survey_report_received_by: '收到查勘报告人',
    scene_due_at: '通知保护现场期限',
    scene_warn_at: '通知保护现场预警时间',
    survey_request_due_at: '通知查勘期限',
    survey_request_warn_at: '通知查勘预警时间',
    survey_report_due_at: '查勘报告期限',
    survey_report_warn_at: '查勘报告预警时间',
  },
  claim_applications: { application_no: '申请编号', handover_due_at: '移交期限', handover_warn_at: '移交预警时间' },
  surrender_requests: { request_no: '申请编号' },
  endorsement_requests: { request_no: '申请编号' },
  complaints: {
    complaint_no: '投诉编号',
    due_at: '结案期限',
    warn_at: '结案预警时间',
    stage_due_at: '本阶段期限',
    approval_level: '核决权限',
    approved_by: '核决人',
    approved_at: '核决时间',
    holding_department: '当前办理部门',
    stage_entered_at: '进入本阶段时间',
    stage_warn_at: '本阶段预警时间',
    timeliness_checked_at: '时效查核时间',
    gm_report_due_at: '质量报告期限',
    gm_report_warn_at: '质量报告预警时间',
    gm_reported_at: '质量报告时间',
  },
  urge_notices: { notice_no: '催办单号', clock_key: '时限' },
  overdue_inquiries: { inquiry_no: '洽办单号', clock_key: '时限' },
  petitions: {
    petition_no: '签呈编号',
    submitted_at: '呈报时间',
    due_at: '批示期限',
    warn_at: '批示预警时间',
    decided_at: '批示时间',
    decided_by: '批示人',
    effect: '办理结果',
    reopened_complaint: '另立的投诉',
    effect_applied_at: '办理时间',
  },
  responsible_persons: {
    proposed_by: '拟定人',
    proposed_at: '拟定时间',
    confirmed_by: '确认人',
    confirmed_at: '确认时间',
    logged_state: '已记入处理记录',
  },
  improvement_measures: {
    due_at: '完成期限（时刻）',
    warn_at: '完成预警时间',
    done_at: '完成时间',
    done_by: '完成人',
    effect_confirmed_at: '效果确认时间',
    effect_confirmed_by: '效果确认人',
    logged_state: '已记入处理记录',
  },
  complaint_monthly_stats: {
    improvement_actions_built: '改善对策（系统汇总）',
    open_measures: '未完成或未确认效果的改善对策',
    quality_checked_count: '已做质量检验件数',
    unchecked_count: '已结案待质量检验件数',
  },
  quality_checks: { checked_by: '检验人', checked_at: '检验时间', logged_state: '已记入处理记录' },
  quality_reports: {
    reported_by: '报告人',
    reported_at: '报告时间',
    status: '状态',
    instructed_by: '批示人',
    instructed_at: '批示时间',
    logged_state: '已记入处理记录',
  },
  responsibility_ratio_confirmations: {
    confirmed_count: '确认时的件数',
    confirmed_ratio: '确认时的比率',
    confirmed_by: '确认人',
    confirmed_at: '确认时间',
    key: '月份与部门',
  },
};

/**
 * The first server-set field a client payload tries to write, if any. The masked copies of personal
 * fields (`id_number_masked` …) are server-set too (domain/personal-data.ts).
 */
export function forgedServerField(collection: string, payload: Record<string, unknown>): { field: string; label: string } | null {
  for (const [field, label] of Object.entries(SERVER_SET_FIELDS[collection] ?? {})) {
    if (field in payload) return { field, label };
  }
  return forgedMaskedCopy(collection, payload);
}
