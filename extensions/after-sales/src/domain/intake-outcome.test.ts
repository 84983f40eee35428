import { expect, test } from 'vitest';
import { intakeOutcome } from './intake-outcome';

const TZ = 'Asia/Shanghai';

test('nothing before the report is saved', () => {
  expect(intakeOutcome({ status: 'registered' }, TZ)).toBeNull();
});

test('符合受理条件 with the number', () => {
  expect(intakeOutcome({ report_no: 'BA26110001', status: 'registered', rejection_reasons: [], is_major: false }, TZ)).toMatchObject({
    reportNo: 'BA26110001',
    tone: 'success',
    verdict: '符合受理条件',
    reasons: [],
    printsNotice: false,
    major: null,
  });
});

test('不予受理 with every reason in Chinese and the notice to print', () => {
  expect(
    intakeOutcome({ report_no: 'BA1', status: 'not_accepted', rejection_reasons: ['policy_lapsed', 'cause_not_covered'] }, TZ),
  ).toMatchObject({
    verdict: '不予受理',
    tone: 'danger',
    reasons: ['保单已失效或终止', '出险原因不属保障范围'],
    printsNotice: true,
  });
});

test('未查到保单 says what to tell the caller', () => {
  expect(intakeOutcome({ report_no: 'BA1', status: 'no_policy' }, TZ)?.advice).toContain('未查到该出险人的保单');
});

test('a major case: its reasons and the HQ deadline in the business time', () => {
  const outcome = intakeOutcome(
    {
      report_no: 'BA1',
      status: 'registered',
      is_major: true,
      major_reasons: '["multi_death","litigation"]',
      hq_due_at: '2026-12-05T06:20:00.000Z',
    },
    TZ,
  );
  expect(outcome?.major).toEqual({
    reasons: ['一次事故2人及以上死亡', '可能引起或已涉及诉讼'],
    hqDue: '2026-12-05 14:20',
    hqReported: null,
  });
});
