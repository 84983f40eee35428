import { DEPARTMENT_ROLES } from '../domain/departments';

/**
 * The Chinese wording a printed letter uses for each stored choice key, by kind
 * (`{{label "cause" report.incident_cause}}`). Letters never print a raw key.
 */
export const LABELS: Record<string, Record<string, string>> = {
  cause: {
    accident: '意外事故',
    illness: '疾病',
    traffic: '交通事故',
    fire: '火灾',
    natural_disaster: '自然灾害',
    theft: '盗抢',
    other: '其他',
  },
  rejection_reason: {
    out_of_period: '出险日期不在保险期间内',
    policy_lapsed: '保单已失效或终止',
    cause_not_covered: '出险原因不属保障范围',
    time_barred: '已超过申请时效',
  },
  // The department names are the role names, so a letter and the console never disagree.
  department: { ...DEPARTMENT_ROLES },
  stage: {
    draft: '草稿',
    submitted: '已送总经理室',
    registered: '已登记编号',
    investigating: '运营部调查',
    tech_analysis: '技术部分析',
    plan_review: '总经理室综合意见',
    negotiating: '市场部交涉',
    final_review: '核决',
    closed: '已结案',
  },
  policy_status: {
    in_force: '有效',
    lapsed: '失效',
    surrendered: '已退保',
    terminated: '已终止',
  },
  collection: {
    claim_reports: '报案登记',
    claim_applications: '理赔申请',
    complaints: '客户抱怨处理表',
    complaint_monthly_stats: '客户投诉案件统计表',
  },
  channel: {
    phone: '电话',
    visit: '上门',
    fax: '传真',
    letter: '书信',
    other: '其他',
  },
};
