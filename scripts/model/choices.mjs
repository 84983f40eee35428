// Choice keys (English, stable, used by the API and the acceptance suite) with their Chinese labels.
// One list per concept; the schema, the seed data, the letters and the server's messages all read these
// (extensions/after-sales/src/domain/choice-labels.ts).

/**
 * One choice; the key and label keep their literal types, so TypeScript code that derives from a list
 * (domain/departments.ts, domain/rule-revision.ts) knows its keys.
 * @template {string} V
 * @template {string} T
 * @param {V} value
 * @param {T} text
 * @param {string} [color]
 */
const c = (value, text, color) => ({ value, text, ...(color ? { color } : {}) });

export const CAUSES = [
  c('accident', '意外事故'),
  c('illness', '疾病'),
  c('traffic', '交通事故'),
  c('fire', '火灾'),
  c('natural_disaster', '自然灾害'),
  c('theft', '盗抢'),
  c('other', '其他'),
];

export const CHANNELS = [c('phone', '电话'), c('visit', '上门'), c('fax', '传真'), c('letter', '书信'), c('other', '其他')];

export const POLICY_STATUSES = [
  c('in_force', '有效', '#2ECDA7'),
  c('lapsed', '失效', '#FFA439'),
  c('surrendered', '已退保', '#A2B5CD'),
  c('terminated', '已终止', '#E35169'),
];

export const REPORT_STATUSES = [
  c('registered', '已登记', '#3399FF'),
  c('not_accepted', '不予受理', '#E35169'),
  c('no_policy', '未查到保单', '#FFA439'),
  c('accepted', '已受理', '#2ECDA7'),
  c('closed', '已结案', '#A2B5CD'),
];

export const REJECTION_REASONS = [
  c('out_of_period', '出险日期不在保险期间内'),
  c('policy_lapsed', '保单已失效或终止'),
  c('cause_not_covered', '出险原因不属保障范围'),
  c('time_barred', '已超过申请时效'),
];

export const MAJOR_REASONS = [
  c('multi_death', '一次事故2人及以上死亡'),
  c('large_payout', '预计赔付或保险金额超过50万元'),
  c('public_dispute', '条款争议已向主管机关、同业公会或媒体投诉'),
  c('litigation', '可能引起或已涉及诉讼'),
];

export const SURVEY_STATUSES = [
  c('not_needed', '无需查勘'),
  c('requested', '已通知呈报机构'),
  c('in_progress', '查勘中'),
  c('done', '查勘完成'),
];

export const CLAIM_TYPES = [
  c('death', '身故'),
  c('disability', '残疾'),
  c('burn', '烧烫伤'),
  c('medical', '医疗'),
  c('property', '财产损失'),
  c('other', '其他'),
];

export const APPLICATION_STATUSES = [
  c('collecting', '收集材料中', '#FFA439'),
  c('complete', '材料齐全', '#3399FF'),
  c('handed_over', '已移交保险公司', '#2ECDA7'),
  c('closed', '已结案', '#A2B5CD'),
];

export const DOCUMENT_TYPES = [
  c('policy_original', '保险单正本'),
  c('premium_receipt', '保费收据'),
  c('insured_id', '被保险人身份证件'),
  c('beneficiary_id', '受益人身份证件'),
  c('claim_form', '理赔申请书'),
  c('relationship_proof', '与被保险人关系证明'),
  c('accident_proof', '事故证明'),
  c('death_proof', '死亡证明'),
  c('disability_proof', '残疾证明'),
  c('burn_proof', '烧烫伤证明'),
  c('medical_records', '门急诊病史'),
  c('test_results', '检（化）验资料'),
  c('outpatient_receipts', '门急诊收据原件'),
  c('inpatient_receipts', '住院收据原件'),
  c('pathology_report', '病理报告'),
  c('repair_invoice', '维修、物损发票'),
];

export const REQUEST_STATUSES = [c('open', '处理中', '#3399FF'), c('completed', '已办结', '#2ECDA7'), c('cancelled', '已撤回', '#A2B5CD')];

export const STAGES = [
  c('draft', '草稿', '#A2B5CD'),
  c('submitted', '已送总经理室', '#6644FF'),
  c('registered', '已登记编号', '#3399FF'),
  c('investigating', '运营部调查', '#FFA439'),
  c('tech_analysis', '技术部分析', '#FFA439'),
  c('plan_review', '总经理室综合意见', '#6644FF'),
  c('negotiating', '市场部交涉', '#FFA439'),
  c('final_review', '核决', '#6644FF'),
  c('closed', '已结案', '#2ECDA7'),
];

export const APPROVAL_LEVELS = [c('业务部经理', '业务部经理'), c('副总经理', '副总经理'), c('总经理', '总经理')];

export const DEPARTMENTS = [
  c('market', '市场部'),
  c('operations', '运营部'),
  c('gm_office', '总经理室'),
  c('tech', '技术部'),
  c('quality', '质量管理部'),
];

export const PENALTY_TYPES = [
  c('none', '不予处罚'),
  c('warning', '警告'),
  c('fine', '罚扣绩效'),
  c('demerit', '记过'),
  c('major_demerit', '记大过'),
  c('demotion', '降职'),
];

// 签呈 (K-PETITION): what the department asks the GM Office to do about the decision it disputes.
export const PETITION_EFFECTS = [c('reopen', '重新处理（另立投诉）'), c('change_responsibility', '变更责任部门'), c('other', '其他')];

export const PETITION_STATUSES = [
  c('submitted', '已呈报', '#3399FF'),
  c('accepted', '已采纳', '#2ECDA7'),
  c('rejected', '未采纳', '#E35169'),
];

// K-RESPONSIBLE (第十一条 2(1), 第十三条 6): a proposed person's penalty applies once their superior confirms it.
export const RESPONSIBILITY_CONFIRMATIONS = [
  c('pending', '待主管确认', '#FFA439'),
  c('confirmed', '主管已确认', '#2ECDA7'),
  c('disputed', '主管不同意', '#E35169'),
];

// K-IMPROVE (第十一条 2(2), 3(5), 3(7); 第十三条 9): an improvement measure is carried out, then its effect confirmed.
export const IMPROVEMENT_STATUSES = [
  c('open', '执行中', '#3399FF'),
  c('done', '已完成待确认效果', '#FFA439'),
  c('confirmed', '效果已确认', '#2ECDA7'),
];

// K-QUALITY (第十一条 2(3)): the quality check of a closed complaint's handling.
export const QUALITY_RESULTS = [c('passed', '合格', '#2ECDA7'), c('failed', '不合格', '#E35169')];

// K-REPORT3D (第十三条 2): the quality department's report to the GM, then the GM's instruction on it.
export const QUALITY_REPORT_STATUSES = [c('reported', '待总经理批示', '#FFA439'), c('instructed', '总经理已批示', '#2ECDA7')];

export const LIMIT_UNITS = [c('hours', '小时'), c('days', '自然日'), c('workdays', '工作日')];

export const LETTER_TEMPLATES = [
  c('rejection_notice', '不予受理通知书'),
  c('complaint_reply', '投诉答复函'),
  c('urge_notice', '催办单'),
  c('overdue_inquiry', '洽办单'),
];

export const CASE_COLLECTIONS = [
  c('claim_reports', '报案登记'),
  c('claim_applications', '理赔申请'),
  c('surrender_requests', '退保申请'),
  c('endorsement_requests', '批改申请'),
  c('complaints', '客户抱怨处理表'),
  c('complaint_monthly_stats', '客户投诉案件统计表'),
  c('petitions', '签呈'),
];

export const CALENDAR_SOURCES = [c('official', '国务院公布'), c('notice', '导入通知'), c('company', '公司自定')];

// 规则修订记录 (K-RULES, 第十六条): the rule tables whose changes wait for the 总经理's approval
// (extensions/after-sales/src/domain/rule-revision.ts reads this list).
export const RULE_TABLES = [
  c('deadline_rules', '时限规则'),
  c('approval_authorities', '核决权限'),
  c('penalty_standards', '罚扣判定基准'),
  c('required_documents', '理赔材料清单'),
  c('guidance_texts', '服务话术'),
  c('rule_parameters', '规则参数'),
  c('complaint_transitions', '投诉流转规则'),
  c('numbering_rules', '编号规则'),
  c('work_calendar', '工作日历'),
];
export const REVISION_ACTIONS = [c('create', '新增', '#2ECDA7'), c('update', '修改', '#3399FF'), c('delete', '删除', '#E35169')];
export const REVISION_STATUSES = [c('pending', '待总经理核准', '#FFA439'), c('approved', '已核准', '#2ECDA7')];
export const REVISION_SOURCES = [c('console', '管理员修改'), c('upgrade', '版本升级'), c('config_import', '配置导入')];

export const DEADLINE_EVENT_KINDS = [
  c('warning', '即将超时预警'),
  c('urge', '催办'),
  c('inquiry', '洽办'),
  c('calendar_gap', '日历缺少官方数据'),
  c('major_case', '重大案件通知总经理室'),
  c('reopen', '客户未接受结论，另立新案'),
  c('other_company', '涉及其他公司，通知总经理室'),
  c('sweep_run', '定时扫描（每个周期只由一个实例执行）'),
  c('rule_revisions', '规则修订待总经理核准'),
  c('waived', '不发：规则生效前已到期或预警（新规则不溯及既往）'),
];

// 时限规则 节点/阶段: where a deadline rule's clock runs (extensions/after-sales/src/domain/case-clocks.ts).
export const DEADLINE_MILESTONES = [
  c('hq_report', '重大案件呈报总部'),
  c('scene_protection', '通知报案人保护现场'),
  c('survey_request', '通知承保公司查勘'),
  c('survey_report', '收到查勘报告'),
  c('handover', '理赔材料移交保险公司'),
  c('closed', '投诉整案结案'),
  c('monthly', '每月统计'),
  c('petition_decision', '签呈批示'),
  c('quality_report', '质量管理部调查处理后报告总经理'),
  ...STAGES.filter(({ value }) => value !== 'closed').map(({ value, text }) => c(value, `投诉阶段：${text}`)),
];

// 服务话术 步骤: when a wording shows (extensions/after-sales/src/domain/guidance-steps.ts): always, when the
// scene rule's 适用条件 holds (scene, scene_tasks), or while the case is in a status or stage of that key.
export const GUIDANCE_STEPS = [
  c('intake', '始终显示（接待登记）'),
  c('scene', '需现场保全时：对报案人的话术（同时限规则“通知报案人保护现场”的适用条件）'),
  c('scene_tasks', '需现场保全时：经办人须办的事（同上）'),
  c('registered', '报案已登记 / 投诉已登记编号'),
  c('no_policy', '报案：未查到保单'),
  c('not_accepted', '报案：不予受理'),
  c('accepted', '报案：已受理'),
  c('collecting', '理赔申请：收集材料中'),
  c('complete', '理赔申请：材料齐全'),
  c('handed_over', '理赔申请：已移交保险公司'),
  ...STAGES.filter(({ value }) => !['registered', 'closed'].includes(value)).map(({ value, text }) => c(value, `投诉：${text}`)),
  c('closed', '已结案（报案、理赔申请、投诉）'),
];

export const CONFIG_KINDS = [
  c('field', '字段设置'),
  c('collection', '集合设置'),
  c('permission', '权限'),
  c('setting', '项目设置'),
  c('rule_row', '规则默认行'),
  c('translation', '翻译字符串'),
  c('preset', '列表布局与书签'),
  c('dashboard', '看板'),
  c('panel', '看板面板'),
];

export const CONFIG_OUTCOMES = [
  c('applied', '已按新版本更新', '#2ECDA7'),
  c('conflict', '管理员已修改，未覆盖', '#FFA439'),
  c('deleted', '管理员已删除，未恢复', '#FFA439'),
  c('removed', '新版本已取消，已删除', '#A2B5CD'),
  c('kept', '新版本已取消，管理员改过，已保留', '#FFA439'),
];
