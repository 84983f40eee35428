// npm run seed:demo — realistic demo data and one user per role and approval level.
// Talks to the running console at PUBLIC_URL; if none answers, starts one for the duration.
// Loading twice is harmless: it stops when the demo insurers are already there.
import path from 'node:path';
import { adminApi } from './lib/admin-api.mjs';
import { prepareDatabase, root, startServer, stopServer } from './lib/directus.mjs';
import { ensureSecrets, resolveEnv } from './lib/env.mjs';

export const DEMO_PASSWORD = 'Demo@12345';
export const DEMO_USERS = [
  { email: 'market@example.com', first_name: '小市', last_name: '林', role: '市场部', policies: [] },
  { email: 'market.manager@example.com', first_name: '经理', last_name: '周', role: '市场部', policies: ['业务部经理'] },
  { email: 'ops@example.com', first_name: '小运', last_name: '陈', role: '运营部', policies: [] },
  { email: 'gm@example.com', first_name: '秘书', last_name: '王', role: '总经理室', policies: [] },
  { email: 'gm.deputy@example.com', first_name: '副总', last_name: '吴', role: '总经理室', policies: ['副总经理'] },
  { email: 'gm.chief@example.com', first_name: '总经理', last_name: '郑', role: '总经理室', policies: ['总经理'] },
  { email: 'tech@example.com', first_name: '工程师', last_name: '黄', role: '技术部', policies: [] },
  { email: 'quality@example.com', first_name: '质检', last_name: '刘', role: '质量管理部', policies: [] },
  // K-RESPONSIBLE: one head per department (部门主管) confirms the personal penalties of its staff.
  { email: 'market.head@example.com', first_name: '主管', last_name: '林', role: '市场部', policies: ['部门主管'] },
  { email: 'ops.head@example.com', first_name: '主管', last_name: '陈', role: '运营部', policies: ['部门主管'] },
  { email: 'gm.head@example.com', first_name: '主任', last_name: '王', role: '总经理室', policies: ['部门主管'] },
  { email: 'tech.head@example.com', first_name: '主管', last_name: '黄', role: '技术部', policies: ['部门主管'] },
  { email: 'quality.head@example.com', first_name: '主管', last_name: '刘', role: '质量管理部', policies: ['部门主管'] },
];

const daysAgo = (days, hour = 10) => {
  const date = new Date(Date.now() - days * 86_400_000);
  date.setUTCHours(hour - 8, 0, 0, 0);
  return date.toISOString();
};

async function seed(api) {
  // Users first: a demo loaded by an earlier release gets the users added since.
  await seedUsers(api);
  const existing = await api('GET', '/items/insurers?filter[code][_eq]=PAIC&limit=1');
  if (existing.length > 0) {
    console.log('演示数据已存在，未重复加载。');
    return;
  }
  await seedCases(api);
}

async function seedUsers(api) {
  const roles = await api('GET', '/roles?fields=id,name&limit=-1');
  const policies = await api('GET', '/policies?fields=id,name&limit=-1');
  const roleId = (name) => roles.find((r) => r.name === name).id;
  const policyId = (name) => policies.find((p) => p.name === name).id;
  for (const user of DEMO_USERS) {
    const found = await api('GET', `/users?filter[email][_eq]=${encodeURIComponent(user.email)}&limit=1`);
    if (found.length) continue;
    await api('POST', '/users', {
      email: user.email,
      password: DEMO_PASSWORD,
      first_name: user.first_name,
      last_name: user.last_name,
      role: roleId(user.role),
      policies: { create: user.policies.map((name) => ({ policy: policyId(name) })) },
    });
  }
}

async function seedCases(api) {
  const [paic, clic, cpic] = await api('POST', '/items/insurers', [
    { name: '中国平安人寿保险股份有限公司', code: 'PAIC', contact_phone: '95511', address: '深圳市福田区益田路5033号' },
    { name: '中国人寿保险股份有限公司', code: 'CLIC', contact_phone: '95519', address: '北京市西城区金融大街16号' },
    { name: '中国太平洋财产保险股份有限公司', code: 'CPIC', contact_phone: '95500', address: '上海市黄浦区中山南路1号' },
  ]);
  const [accident, medical, property, critical] = await api('POST', '/items/products', [
    { code: 'YW01', name: '综合意外伤害保险', insurer: paic.id, covered_causes: ['accident', 'traffic'], claim_time_limit_days: 730 },
    {
      code: 'YL02',
      name: '住院医疗保险',
      insurer: clic.id,
      covered_causes: ['illness', 'accident', 'traffic'],
      claim_time_limit_days: 365,
    },
    {
      code: 'CC03',
      name: '家庭财产保险',
      insurer: cpic.id,
      covered_causes: ['fire', 'natural_disaster', 'theft'],
      claim_time_limit_days: 730,
    },
    { code: 'ZJ04', name: '重大疾病保险', insurer: clic.id, covered_causes: ['illness'], claim_time_limit_days: 1095 },
  ]);
  const people = await api('POST', '/items/customers', [
    { name: '张伟', id_number: '310101198001011234', phone: '13800138001', address: '上海市黄浦区南京东路100号' },
    { name: '王芳', id_number: '320102198505052345', phone: '13800138002', address: '南京市玄武区中山路8号' },
    { name: '王芳', id_number: '330106199003033456', phone: '13800138003', address: '杭州市西湖区文三路50号' },
    { name: '李娜', id_number: '440103197712124567', phone: '13800138004', address: '广州市荔湾区康王路20号' },
    { name: '刘洋', id_number: '110105198808085678', phone: '13800138005', address: '北京市朝阳区建国路88号' },
    { name: '陈静', id_number: '510104199212126789', phone: '13800138006', address: '成都市锦江区春熙路6号' },
    { name: '赵磊', id_number: '420106198306067890', phone: '13800138007', address: '武汉市武昌区中南路3号' },
  ]);
  const [zhang, wangA, wangB, li, liu, chen, zhao] = people;
  const year = new Date().getFullYear();
  // Each policy insures its holder.
  const policy = (policy_no, product, person, sum_insured, [start_date, end_date], status = 'in_force', terminated_at) => ({
    policy_no,
    product: product.id,
    policyholder: person.id,
    insured: person.id,
    sum_insured,
    start_date,
    end_date,
    status,
    ...(terminated_at ? { terminated_at } : {}),
  });
  const thisYear = [`${year}-01-01`, `${year}-12-31`];
  const [p1, p2, p3, p4, p5, p6, p7] = await api('POST', '/items/policies', [
    policy(`PA${year}0001`, accident, zhang, 600000, thisYear),
    policy(`CL${year}0002`, medical, wangA, 50000, [`${year}-03-01`, `${year + 1}-02-28`]),
    policy(`CL${year}0003`, critical, wangB, 300000, [`${year - 1}-06-01`, `${year + 4}-05-31`]),
    policy(`PA${year - 1}0004`, accident, li, 200000, [`${year - 1}-01-01`, `${year - 1}-12-31`], 'lapsed', `${year - 1}-12-31`),
    policy(`CP${year}0005`, property, liu, 800000, [`${year}-02-01`, `${year + 1}-01-31`]),
    policy(`CL${year}0006`, medical, chen, 30000, thisYear, 'surrendered', `${year}-06-30`),
    policy(`PA${year}0007`, accident, zhao, 100000, thisYear, 'terminated', `${year}-08-15`),
  ]);

  // A report on a policy about its insured, by the insured unless someone else called.
  const report = (channel, policyItem, person, incident, reporter = { name: person.name, phone: person.phone, relation: '本人' }) => ({
    channel,
    policy: policyItem.id,
    insured_name: person.name,
    insured_id_number: person.id_number,
    reporter_name: reporter.name,
    reporter_phone: reporter.phone,
    reporter_relation: reporter.relation,
    ...incident,
  });
  const reports = await api('POST', '/items/claim_reports', [
    report('phone', p1, zhang, {
      incident_at: daysAgo(3, 9),
      incident_place: '上海市延安高架',
      incident_cause: 'traffic',
      incident_description: '驾车被追尾，颈部受伤住院',
      injury_level: '轻伤',
      hospital: '瑞金医院',
      expected_payout: 30000,
    }),
    report('visit', p2, wangA, {
      incident_at: daysAgo(10),
      incident_place: '南京市鼓楼医院',
      incident_cause: 'illness',
      incident_description: '急性阑尾炎手术',
      hospital: '鼓楼医院',
      expected_payout: 12000,
    }),
    report(
      'phone',
      p4,
      li,
      {
        incident_at: daysAgo(5),
        incident_place: '广州市天河区',
        incident_cause: 'accident',
        incident_description: '家中摔倒骨折',
        expected_payout: 8000,
      },
      { name: '李明', phone: '13900139004', relation: '丈夫' },
    ),
    report('fax', p5, liu, {
      incident_at: daysAgo(2, 22),
      incident_place: '北京市朝阳区住所',
      incident_cause: 'fire',
      incident_description: '厨房起火，家具家电烧毁',
      expected_payout: 650000,
      media_involved: true,
    }),
    {
      channel: 'letter',
      policy: null,
      insured_name: '孙强',
      reporter_name: '孙强',
      reporter_phone: '13700137009',
      reporter_relation: '本人',
      incident_at: daysAgo(7),
      incident_place: '苏州市',
      incident_cause: 'accident',
      incident_description: '声称在我司投保，未查到保单',
    },
    report(
      'phone',
      p1,
      zhang,
      {
        incident_at: daysAgo(1, 8),
        incident_place: '上海市浦东新区',
        incident_cause: 'traffic',
        incident_description: '交通事故，同车两人死亡',
        deaths: 2,
        expected_payout: 1200000,
        litigation: true,
      },
      { name: '张丽', phone: '13600136001', relation: '妻子' },
    ),
  ]);
  const application = await api('POST', '/items/claim_applications', {
    claim_report: reports[1].id,
    claim_type: 'medical',
    applicant_name: '王芳',
    applicant_id_number: wangA.id_number,
    applicant_relation: '本人',
    identity_verified: true,
    relation_verified: true,
    right_verified: true,
    documents: {
      create: ['policy_original', 'premium_receipt', 'insured_id', 'claim_form', 'medical_records'].map((doc_type) => ({
        doc_type,
        received: true,
      })),
    },
  });
  // Reports further along: one accepted, one closed; applications complete and handed over.
  await api('PATCH', `/items/claim_reports/${reports[0].id}`, { status: 'accepted' });
  await api('PATCH', `/items/claim_reports/${reports[1].id}`, { status: 'closed' });
  const basics = ['policy_original', 'premium_receipt', 'insured_id', 'beneficiary_id', 'claim_form'];
  const verified = { identity_verified: true, relation_verified: true, right_verified: true };
  const traffic = await api('POST', '/items/claim_applications', {
    claim_report: reports[0].id,
    claim_type: 'medical',
    applicant_name: '张伟',
    applicant_relation: '本人',
    ...verified,
    documents: [...basics, 'medical_records', 'test_results', 'outpatient_receipts', 'inpatient_receipts', 'pathology_report'].map(
      (doc_type) => ({ doc_type, received: true }),
    ),
  });
  await api('PATCH', `/items/claim_applications/${traffic.id}`, { status: 'complete' });
  const fire = await api('POST', '/items/claim_applications', {
    claim_report: reports[3].id,
    claim_type: 'property',
    applicant_name: '刘洋',
    applicant_relation: '本人',
    ...verified,
    documents: [...basics, 'repair_invoice', 'accident_proof'].map((doc_type) => ({ doc_type, received: true })),
  });
  await api('PATCH', `/items/claim_applications/${fire.id}`, { status: 'complete' });
  await api('PATCH', `/items/claim_applications/${fire.id}`, { status: 'handed_over', insurer_receipt_no: 'CPIC-2026-0001' });

  await api('POST', '/items/surrender_requests', {
    channel: 'visit',
    policy: p3.id,
    customer_name: '王芳',
    reason: '家庭经济困难，无力续缴保费',
    documents_reminded: true,
  });
  await api('POST', '/items/endorsement_requests', {
    channel: 'phone',
    policy: p2.id,
    customer_name: '王芳',
    requested_changes: '变更联系地址为南京市建邺区江东中路1号',
    form_guided: true,
  });

  const complaints = [
    {
      customer_name: '张伟',
      policy: p1.id,
      claim_report: reports[0].id,
      demand: '要求尽快支付住院津贴',
      reason: '报案三天无人联系',
      market_opinion: '属实，建议加快查勘',
      stage: 'draft',
    },
    {
      customer_name: '王芳',
      policy: p2.id,
      claim_report: reports[1].id,
      demand: '要求说明理赔进度',
      reason: '材料交齐一周未移交保险公司',
      market_opinion: '运营部移交延误',
      stage: 'submitted',
    },
    {
      customer_name: '刘洋',
      policy: p5.id,
      demand: '要求上门查勘',
      reason: '火灾后无人查勘',
      market_opinion: '需协调承保公司',
      stage: 'investigating',
    },
    {
      customer_name: '陈静',
      policy: p6.id,
      demand: '要求退还多扣的退保手续费',
      reason: '退保金额与预期不符',
      market_opinion: '请运营部核算',
      stage: 'plan_review',
      investigation_cause: '业务员未说明退保费用',
      responsibility: '市场部',
      countermeasures: '加强退保说明培训',
      offer_amount: 3000,
    },
    {
      customer_name: '周敏',
      demand: '要求解释保费上调原因',
      reason: '续保保费上涨未提前告知',
      market_opinion: '属实',
      stage: 'registered',
      registered_at: daysAgo(2),
    },
    {
      customer_name: '吴刚',
      demand: '要求修正保单信息',
      reason: '出单系统错误导致姓名错误',
      market_opinion: '需技术部排查',
      stage: 'tech_analysis',
      registered_at: daysAgo(5),
      investigation_cause: '出单系统字段截断',
      responsibility: '技术部',
    },
    {
      customer_name: '郑丽',
      demand: '要求赔偿误工费',
      reason: '理赔延误',
      market_opinion: '建议适当补偿',
      stage: 'negotiating',
      registered_at: daysAgo(8),
      investigation_cause: '材料移交延误',
      responsibility: '运营部',
      countermeasures: '移交时限提醒',
      gm_opinion: '同意补偿误工费',
      offer_amount: 2000,
    },
    {
      customer_name: '孙明',
      demand: '要求书面道歉',
      reason: '客服态度差',
      market_opinion: '属实',
      stage: 'final_review',
      registered_at: daysAgo(11),
      investigation_cause: '客服用语不当',
      responsibility: '市场部',
      countermeasures: '话术培训',
      gm_opinion: '书面致歉',
      offer_amount: 0,
      negotiation_result: '客户接受书面致歉',
      supervisor_reviewed: true,
    },
    {
      customer_name: '赵磊',
      policy: p7.id,
      demand: '要求恢复保单效力',
      reason: '未收到终止通知',
      market_opinion: '需核实通知记录',
      stage: 'closed',
      investigation_cause: '通知寄送地址错误',
      responsibility: '运营部',
      countermeasures: '核对客户地址',
      responsible_department: 'operations',
      penalty_type: 'warning',
      offer_amount: 0,
      customer_accepted: true,
    },
  ];
  const created = await api('POST', '/items/complaints', complaints);
  // K-RESPONSIBLE, K-IMPROVE: a penalty for the market's head to confirm, measures for the owners' 工作台.
  const apology = created.find((complaint) => complaint.customer_name === '孙明');
  const [clerk] = await api('GET', `/users?filter[email][_eq]=${encodeURIComponent('market@example.com')}&fields=id&limit=1`);
  await api('POST', '/items/responsible_persons', {
    complaint: apology.id,
    user: clerk?.id ?? null,
    person_name: '林小市',
    department: 'market',
    responsibility: '接待客户时用语不当',
    penalty_type: 'warning',
  });
  const inDays = (days) => daysAgo(-days).slice(0, 10);
  await api('POST', '/items/improvement_measures', [
    { complaint: apology.id, measure: '客服话术培训并考核', owner_department: 'market', due_date: inDays(7) },
    { complaint: apology.id, measure: '每月抽查接待录音', owner_department: 'quality', due_date: inDays(20) },
  ]);
  console.log(
    `演示数据已加载：${DEMO_USERS.length} 个演示用户（密码 ${DEMO_PASSWORD}），7 份保单，${reports.length} 个报案，3 个理赔申请（${application.application_no} 等），${complaints.length} 个客户抱怨（各处理阶段）。`,
  );
}

const env = ensureSecrets(resolveEnv(root), path.join(root, 'data'));
const url = process.env.DEMO_URL ?? env.PUBLIC_URL;
let started = null;
try {
  await fetch(`${url}/server/ping`);
} catch {
  await prepareDatabase(env, { quiet: true });
  started = await startServer({ ...env, LOG_LEVEL: 'warn' }, { quiet: true });
}
try {
  await seed(await adminApi(started?.url ?? url, env.ADMIN_EMAIL, env.ADMIN_PASSWORD));
} finally {
  if (started) await stopServer(started.child);
}
