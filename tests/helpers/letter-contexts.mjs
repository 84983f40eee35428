// Letter contexts as the console builds them (company, letter and case fields), for the renderer's
// unit tests and its benchmark. Plain JavaScript so tests/bench/*.mjs can import it.

export const company = {
  name: '华安保险代理有限公司',
  address: '上海市浦东新区世纪大道100号12楼',
  phone: '021-5888 6666',
  seal_text: '理赔服务部',
};

export const letter = { no: 'WS2026110001', issued_at: '2026-11-25T16:30:00Z' };

/** 不予受理通知书: a report outside the policy period, for a cause the product does not cover. */
export const rejection = {
  company,
  letter,
  report: {
    report_no: 'BA20261120007',
    reported_at: '2026-11-20T02:15:00Z',
    incident_at: '2026-11-18T06:40:00Z',
    incident_place: '上海市闵行区七莘路与顾戴路交叉口',
    incident_cause: 'illness',
    incident_description: '被保险人突发急性阑尾炎，送医手术治疗。',
    insured_name: '王建国',
    reporter_name: '李秀英',
    rejection_reasons: ['out_of_period', 'cause_not_covered'],
  },
  policy: {
    policy_no: 'PA2025310000123',
    start_date: '2025-01-01',
    end_date: '2025-12-31',
    status: 'in_force',
    terminated_at: null,
    sum_insured: '200000.00',
  },
  product: { name: '团体意外伤害保险', covered_causes: ['accident', 'traffic'], claim_time_limit_days: 730 },
  materials: ['保险单正本', '身份证件原件'],
};
