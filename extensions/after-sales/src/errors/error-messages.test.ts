/// <reference types="vite/client" />
import { describe, expect, test } from 'vitest';

// Every error class of the bundle, found by file name: a new one without a row below fails the first test.
const modules = import.meta.glob<Record<string, unknown>>('./*-error.ts', { eager: true });
const classes = Object.fromEntries(
  Object.values(modules).flatMap((module) =>
    Object.entries(module).filter(([name, value]) => name.endsWith('Error') && typeof value === 'function'),
  ),
) as Record<string, new (extensions?: any) => Error & { status: number; code: string; extensions?: unknown }>;

const login = { minutes: 15, until: '2026-12-01T10:15:00.000Z' };

/** [class, what it is built with, HTTP status, what the staff member reads (a part of it)] */
const CASES: [string, Record<string, unknown> | undefined, number, string][] = [
  ['AdminOnlyError', undefined, 403, '只有管理员'],
  [
    'BackEntryForbiddenError',
    { field: 'hq_reported_at', label: '上报总公司时间', allowed: '总经理室' },
    403,
    '“上报总公司时间”记录事件的实际时间，只有总经理室可以补录',
  ],
  ['BatchUpdateConflictError', undefined, 400, '请逐条修改'],
  ['CaseNotReadableError', undefined, 403, '没有查看该案件的权限'],
  ['DashboardQueryError', { field: 'limit', rule: '应为 1–500 的整数' }, 400, '参数 limit 无效：应为 1–500 的整数'],
  [
    'DuplicateReportError',
    { reportNo: 'BA2612010001', statusLabel: '已受理', incidentDay: '2026-11-30' },
    400,
    '已有报案 BA2612010001（已受理）',
  ],
  ['HistoryNotReadableError', undefined, 403, '不能查看其修改记录'],
  ['HistoryRequestError', { reason: '请指定要查看的案件。' }, 400, '请指定要查看的案件。'],
  ['InsuredNotIdentifiedError', { reason: '同名被保险人有 2 位，请核对证件号码。' }, 400, '同名被保险人有 2 位'],
  ['InvalidCaseStatusError', { reason: '报案已结案，不能再修改。' }, 400, '报案已结案'],
  ['InvalidConfigFileError', { reason: '时限规则第 1 行：缺少“规则键”' }, 400, '配置导入失败，未做任何修改：时限规则第 1 行：缺少“规则键”'],
  ['InvalidHolidayNoticeError', { reason: '没有找到任何节日安排' }, 400, '无法导入节假日通知：没有找到任何节日安排'],
  ['InvalidInputError', { field: 'customer_phone', label: '客户电话', rule: '不能包含控制字符' }, 400, '“客户电话”不能包含控制字符。'],
  ['InvalidPeriodError', { period: '2026-13' }, 400, '统计月份 “2026-13” 无效'],
  ['InvalidWorkbenchQueryError', { field: 'view', rule: '没有这个视图' }, 400, '售后工作台参数 view 无效：没有这个视图'],
  ['LetterImmutableError', undefined, 403, '已出具的文书按原样存档'],
  ['LetterRequestError', { reason: '请选择文书模板。' }, 400, '请选择文书模板。'],
  ['LetterTemplateFailedError', { reason: '文书模板“不予受理通知书”有误，请联系管理员。' }, 500, '文书模板'],
  ['LoginIpLimitedError', login, 429, '请 15 分钟后再试'],
  ['LoginLockedError', login, 429, '已暂时锁定，请 15 分钟后再试'],
  ['PolicySearchError', { reason: '请至少输入 2 个字。' }, 400, '请至少输入 2 个字。'],
  ['RuleRevisionForbiddenError', { reason: '只有持有总经理权限的人员可以核准规则修订。' }, 403, '只有持有总经理权限'],
  ['RuleRevisionRefusedError', { reason: '该修订已核准。' }, 400, '该修订已核准。'],
  ['ServerSetFieldError', { field: 'report_no', label: '报案编号' }, 400, '“报案编号”由系统自动生成'],
  ['ServiceUnavailableError', { service: 'database' }, 503, '系统暂时无法连接数据库，请稍后重试'],
  ['StatsForbiddenError', undefined, 403, '由总经理室或管理员生成'],
  ['StepImmutableError', undefined, 403, '只能由系统追加'],
  ['UserFieldQueryError', { fields: '电子邮箱' }, 403, '不能按用户的 电子邮箱 筛选'],
  ['WorkbenchForbiddenError', { reason: '您没有查看这些案件的权限。' }, 403, '售后工作台：您没有查看这些案件的权限。'],
  ['WorkflowForbiddenError', { reason: '核决前不能向客户承诺金额。' }, 403, '核决前不能向客户承诺金额。'],
  ['WorkflowRefusedError', { reason: '请先填写“调查结果”。' }, 400, '请先填写“调查结果”。'],
];

const CJK = /[\u4e00-\u9fff]/;

test('every error class of the bundle has a row here', () => {
  expect(Object.keys(classes).sort()).toEqual(CASES.map(([name]) => name).sort());
});

describe.each(CASES)('%s', (name, extensions, status, reads) => {
  test(`answers ${status} with a Chinese message a staff member can act on`, () => {
    const error = new classes[name]!(extensions);
    expect(error.status).toBe(status);
    expect(error.code).toMatch(/^AFTER_SALES_[A-Z_]+$/);
    expect(error.message).toContain(reads);
    expect(error.message).toMatch(CJK);
    // No code prefix, no English, no database field name in what the user reads.
    expect(error.message).not.toMatch(/\[?AFTER_SALES|errors\.|undefined|\[object/);
    const field = (extensions as { field?: string } | undefined)?.field;
    if (field && (extensions as { label?: string }).label) expect(error.message).not.toContain(field);
  });
});
