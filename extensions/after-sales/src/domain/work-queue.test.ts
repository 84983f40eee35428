import { describe, expect, test } from 'vitest';
import type { StoredDeadlineRule } from './case-clocks';
import type { Department } from './departments';
import { bookmarkFilter, bookmarkSort, compareEntries, WORK_SOURCES, workEntry, type WorkEntry, approvalFilter } from './work-queue';

const rule = (key: string, case_collection: string, milestone: string, urge_department: Department, active = true): StoredDeadlineRule => ({
  key,
  case_collection,
  milestone,
  urge_department,
  active,
  limit_value: 1,
  limit_unit: 'days',
  warn_ratio: 0.8,
});
const RULES: StoredDeadlineRule[] = [
  rule('major_report_to_hq', 'claim_reports', 'hq_report', 'market'),
  rule('claim_handover', 'claim_applications', 'handover', 'operations'),
  rule('complaint_close', 'complaints', 'closed', 'gm_office'),
  rule('quality_report_to_gm', 'complaints', 'quality_report', 'quality'),
];
const source = (kind: string) => WORK_SOURCES.find((candidate) => candidate.kind === kind)!;
const kindsOf = (department: Department, rules = RULES) =>
  WORK_SOURCES.filter((s) => s.filter(department, rules) !== null).map((s) => s.kind);

describe('which department holds which work', () => {
  test.each<[Department, string[]]>([
    [
      'market',
      ['report_review', 'hq_report', 'application_materials', 'complaint', 'urge_notice', 'overdue_inquiry', 'improvement_measure'],
    ],
    ['operations', ['handover', 'complaint', 'urge_notice', 'overdue_inquiry', 'improvement_measure']],
    ['gm_office', ['complaint', 'urge_notice', 'overdue_inquiry', 'petition', 'improvement_measure', 'improvement_effect']],
    ['tech', ['complaint', 'urge_notice', 'overdue_inquiry', 'improvement_measure']],
    ['quality', ['quality_report', 'urge_notice', 'overdue_inquiry', 'improvement_measure']],
  ])('%s', (department, kinds) => {
    expect(kindsOf(department)).toEqual(kinds);
  });

  test.each<[Department, string[]]>([
    ['market', ['draft', 'negotiating']],
    ['operations', ['investigating']],
    ['gm_office', ['submitted', 'registered', 'plan_review', 'final_review']],
    ['tech', ['tech_analysis']],
  ])('complaints in the stages %s holds', (department, stages) => {
    expect(source('complaint').filter(department, RULES)).toEqual({ stage: { _in: stages } });
    for (const stage of stages) expect(source('complaint').holder({ stage }, RULES)).toBe(department);
  });

  test('the handover and the HQ report follow the urge department of their deadline rule (data)', () => {
    const moved = RULES.map((r) => (r.key === 'claim_handover' ? { ...r, urge_department: 'gm_office' as const } : r));
    expect(kindsOf('operations', moved)).not.toContain('handover');
    expect(kindsOf('gm_office', moved)).toContain('handover');
    const inactive = RULES.map((r) => (r.key === 'major_report_to_hq' ? { ...r, active: false } : r));
    expect(kindsOf('market', inactive)).not.toContain('hq_report');
  });

  test('the quality report waits on the urge department of its rule until reported, also after closing (K-REPORT3D)', () => {
    expect(source('quality_report').filter('quality', RULES)).toEqual({
      _and: [{ gm_report_due_at: { _nnull: true } }, { gm_reported_at: { _null: true } }],
    });
    expect(source('quality_report').filter('gm_office', RULES)).toBeNull();
    const moved = RULES.map((r) => (r.key === 'quality_report_to_gm' ? { ...r, urge_department: 'gm_office' as const } : r));
    expect(kindsOf('gm_office', moved)).toContain('quality_report');
    expect(kindsOf('quality', moved)).not.toContain('quality_report');
  });

  test('urge notices and inquiries wait on the department they are addressed to until answered', () => {
    expect(source('urge_notice').filter('tech', RULES)).toEqual({
      _and: [{ acknowledged_at: { _null: true } }, { department: { _eq: 'tech' } }],
    });
    expect(source('overdue_inquiry').filter(null, RULES)).toEqual({ _and: [{ replied_at: { _null: true } }, { reply: { _empty: true } }] });
    expect(source('urge_notice').holder({ department: 'quality' }, RULES)).toBe('quality');
  });
});

describe('a queue entry', () => {
  const now = new Date('2026-11-26T04:00:00Z');
  const complaintRow = (stageDue: string | null, stageWarn: string | null, due: string | null, warn: string | null) => ({
    id: 7,
    complaint_no: '261107',
    customer_name: '赵六',
    demand: '要求尽快赔付',
    stage: 'negotiating',
    stage_due_at: stageDue,
    stage_warn_at: stageWarn,
    due_at: due,
    warn_at: warn,
  });

  test.each<[string, ReturnType<typeof complaintRow>, string | null, string]>([
    [
      'both clocks on track',
      complaintRow('2026-11-28T16:00:00Z', '2026-11-28T00:00:00Z', '2026-12-05T16:00:00Z', '2026-12-03T00:00:00Z'),
      '2026-11-28T16:00:00.000Z',
      'on_track',
    ],
    [
      'stage past its warning point',
      complaintRow('2026-11-26T16:00:00Z', '2026-11-26T03:00:00Z', '2026-12-05T16:00:00Z', '2026-12-03T00:00:00Z'),
      '2026-11-26T16:00:00.000Z',
      'warning',
    ],
    [
      'the case breached while the stage is on track',
      complaintRow('2026-11-28T16:00:00Z', '2026-11-28T00:00:00Z', '2026-11-26T03:59:00Z', '2026-11-25T00:00:00Z'),
      '2026-11-26T03:59:00.000Z',
      'breached',
    ],
    [
      'due exactly now is breached',
      complaintRow('2026-11-26T04:00:00Z', '2026-11-26T01:00:00Z', null, null),
      '2026-11-26T04:00:00.000Z',
      'breached',
    ],
    ['a draft has no clock', complaintRow(null, null, null, null), null, 'no_deadline'],
  ])('%s', (_name, row, dueAt, status) => {
    const entry = workEntry(source('complaint'), row, RULES, now, 'Asia/Shanghai');
    expect({ dueAt: entry.dueAt, status: entry.status }).toEqual({ dueAt, status });
  });

  test('carries labels, the holder and a link into the content module', () => {
    const row = {
      id: 7,
      complaint_no: '261107',
      customer_name: '赵六',
      demand: '要求尽快赔付',
      stage: 'negotiating',
      stage_due_at: '2026-11-26T16:00:00Z',
      stage_warn_at: '2026-11-26T10:00:00Z',
    };
    expect(workEntry(source('complaint'), row, RULES, now, 'Asia/Shanghai')).toEqual({
      key: 'complaint:7',
      kind: 'complaint',
      collection: 'complaints',
      id: '7',
      caseType: '客户抱怨',
      task: '办理本阶段',
      number: '261107',
      title: '赵六：要求尽快赔付',
      statusLabel: '市场部交涉',
      department: 'market',
      departmentLabel: '市场部',
      dueAt: '2026-11-26T16:00:00.000Z',
      dueText: '2026-11-27 00:00',
      status: 'on_track',
      statusText: '正常',
      link: '/content/complaints/7',
    });
  });

  test('an urge notice is overdue from its original due time; an item without a number shows its id', () => {
    const entry = workEntry(
      source('urge_notice'),
      { id: 3, notice_no: null, department: 'operations', reason: '移交逾期', due_at: '2026-11-25T16:00:00Z' },
      RULES,
      now,
      'Asia/Shanghai',
    );
    expect(entry).toMatchObject({
      number: '#3',
      status: 'breached',
      statusText: '已逾期',
      department: 'operations',
      dueText: '2026-11-26 00:00',
    });
  });

  test('the queue is ordered by due time, work without a deadline last', () => {
    const entry = (key: string, dueAt: string | null) => ({ key, dueAt }) as WorkEntry;
    const sorted = [
      entry('a', null),
      entry('b', '2026-11-27T00:00:00.000Z'),
      entry('c', '2026-11-25T00:00:00.000Z'),
      entry('d', null),
    ].sort(compareEntries);
    expect(sorted.map((e) => e.key)).toEqual(['c', 'b', 'a', 'd']);
  });
});

describe('role bookmarks', () => {
  test('已逾期 of 运营部 on claim applications: materials complete, not handed over, past due', () => {
    expect(bookmarkFilter('claim_applications', 'operations', RULES, 'overdue')).toEqual({
      _and: [
        { _and: [{ materials_complete_at: { _nnull: true } }, { handed_over_at: { _null: true } }] },
        { handover_due_at: { _lte: '$NOW' } },
      ],
    });
    expect(bookmarkFilter('claim_applications', 'market', RULES, 'mine')).toEqual({
      _and: [{ status: { _eq: 'collecting' } }, { materials_complete_at: { _null: true } }],
    });
  });

  test('即将超时 of 市场部 on complaints: past a warning point and neither clock due yet', () => {
    expect(bookmarkFilter('complaints', 'market', RULES, 'due_soon')).toEqual({
      _and: [
        { stage: { _in: ['draft', 'negotiating'] } },
        { _or: [{ stage_warn_at: { _lte: '$NOW' } }, { warn_at: { _lte: '$NOW' } }] },
        { _or: [{ stage_due_at: { _null: true } }, { stage_due_at: { _gt: '$NOW' } }] },
        { _or: [{ due_at: { _null: true } }, { due_at: { _gt: '$NOW' } }] },
      ],
    });
  });

  test('我的待办 of 市场部 on reports joins both kinds of report work', () => {
    const filter = bookmarkFilter('claim_reports', 'market', RULES, 'mine') as { _or: unknown[] };
    expect(filter._or).toHaveLength(2);
  });

  test.each<[string, Department, 'mine' | 'due_soon' | 'overdue']>([
    ['claim_reports', 'quality', 'mine'],
    ['claim_applications', 'tech', 'mine'],
    ['urge_notices', 'market', 'due_soon'],
    ['overdue_inquiries', 'market', 'overdue'],
    ['petitions', 'market', 'mine'],
  ])('no bookmark on %s for %s (%s)', (collection, department, scope) => {
    expect(bookmarkFilter(collection, department, RULES, scope)).toBeNull();
  });

  test('a bookmark sorts by the due time kept in its collection', () => {
    expect(bookmarkSort('claim_reports')).toEqual(['hq_due_at']);
    expect(bookmarkSort('complaints')).toEqual(['stage_due_at']);
    expect(bookmarkSort('petitions')).toEqual(['due_at']);
  });
});

describe('approvalFilter', () => {
  const authorities = [
    { level: '业务部经理', max_amount: 5000, sort: 1 },
    { level: '副总经理', max_amount: '50000.00', sort: 2 },
    { level: '总经理', max_amount: null, sort: 3 },
  ];
  test.each([
    [[], null],
    [
      ['业务部经理'],
      { _and: [{ stage: { _in: ['plan_review', 'final_review'] } }, { offer_amount: { _nnull: true } }, { offer_amount: { _lte: 5000 } }] },
    ],
    [
      ['业务部经理', '副总经理'],
      {
        _and: [{ stage: { _in: ['plan_review', 'final_review'] } }, { offer_amount: { _nnull: true } }, { offer_amount: { _lte: 50000 } }],
      },
    ],
    [['总经理'], { _and: [{ stage: { _in: ['plan_review', 'final_review'] } }, { offer_amount: { _nnull: true } }] }],
  ])('levels %o wait for %o', (levels, filter) => {
    expect(approvalFilter(levels, authorities)).toEqual(filter);
  });
});
