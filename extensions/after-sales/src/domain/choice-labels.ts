import { DEPARTMENT_ROLES } from './departments';

/**
 * The Chinese wording of each stored choice key, by kind: what letters print
 * (`{{label "cause" report.incident_cause}}`) and what server messages say. The admin UI shows the
 * same wording from the schema; tests/unit/choice-labels.test.ts checks the two agree.
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
  report_status: {
    registered: '已登记',
    not_accepted: '不予受理',
    no_policy: '未查到保单',
    accepted: '已受理',
    closed: '已结案',
  },
  claim_type: {
    death: '身故',
    disability: '残疾',
    burn: '烧烫伤',
    medical: '医疗',
    property: '财产损失',
    other: '其他',
  },
  application_status: {
    collecting: '收集材料中',
    complete: '材料齐全',
    handed_over: '已移交保险公司',
    closed: '已结案',
  },
  petition_status: {
    submitted: '已呈报',
    accepted: '已采纳',
    rejected: '未采纳',
  },
  document: {
    policy_original: '保险单正本',
    premium_receipt: '保费收据',
    insured_id: '被保险人身份证件',
    beneficiary_id: '受益人身份证件',
    claim_form: '理赔申请书',
    relationship_proof: '与被保险人关系证明',
    accident_proof: '事故证明',
    death_proof: '死亡证明',
    disability_proof: '残疾证明',
    burn_proof: '烧烫伤证明',
    medical_records: '门急诊病史',
    test_results: '检（化）验资料',
    outpatient_receipts: '门急诊收据原件',
    inpatient_receipts: '住院收据原件',
    pathology_report: '病理报告',
    repair_invoice: '维修、物损发票',
  },
  channel: {
    phone: '电话',
    visit: '上门',
    fax: '传真',
    letter: '书信',
    other: '其他',
  },
};
