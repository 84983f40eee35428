import { describe, expect, test } from 'vitest';
import { clockEvent, inquiryFor, type DueClock } from './sweep-plan';

const clock: DueClock = {
  collection: 'claim_applications',
  itemId: '7',
  caseNo: 'LP26110007',
  clockId: 'handover',
  ruleName: '理赔材料移交保险公司',
  department: 'operations',
  dueAt: new Date('2026-11-12T16:00:00Z'),
  warnAt: new Date('2026-11-11T00:00:00Z'),
};

describe('clockEvent', () => {
  test.each([
    ['2026-11-10T23:59:59Z', null],
    ['2026-11-11T00:00:00Z', 'warning'],
    ['2026-11-12T15:59:59Z', 'warning'],
    ['2026-11-12T16:00:00Z', 'urge'],
    ['2026-12-01T00:00:00Z', 'urge'],
  ])('at %s → %s', (now, kind) => {
    expect(clockEvent(clock, new Date(now), 'Asia/Shanghai')?.kind ?? null).toBe(kind);
  });

  test('the key names the case, the clock and the due time, so the same breach is issued once', () => {
    const urge = clockEvent(clock, new Date('2026-11-20T00:00:00Z'), 'Asia/Shanghai');
    expect(urge?.key).toBe('urge:claim_applications:7:handover:2026-11-12T16:00:00.000Z');
    expect(clockEvent(clock, new Date('2026-11-25T00:00:00Z'), 'Asia/Shanghai')?.key).toBe(urge?.key);
    expect(
      clockEvent({ ...clock, dueAt: new Date('2026-11-13T16:00:00Z') }, new Date('2026-11-20T00:00:00Z'), 'Asia/Shanghai')?.key,
    ).not.toBe(urge?.key);
  });

  test('the message is Chinese with the due time in the business time zone and the department', () => {
    expect(clockEvent(clock, new Date('2026-11-20T00:00:00Z'), 'Asia/Shanghai')?.message).toBe(
      '案件 LP26110007「理赔材料移交保险公司」已于 2026-11-13 00:00 到期，请运营部立即办理。',
    );
  });
});

describe('inquiryFor', () => {
  const step = {
    id: 3,
    complaintId: 9,
    complaintNo: '261109',
    stage: 'investigating',
    department: 'operations' as const,
    dueAt: new Date('2026-11-05T16:00:00Z'),
  };
  test.each([
    ['2026-11-05T15:00:00Z', null],
    ['2026-11-05T16:00:00Z', null],
    ['2026-11-05T16:00:01Z', 1],
    ['2026-11-06T18:30:00Z', 27],
  ])('completed %s → overdue hours %s', (completedAt, hours) => {
    expect(inquiryFor({ ...step, completedAt: new Date(completedAt) })?.overdueHours ?? null).toBe(hours);
  });

  test('one key per late step', () => {
    expect(inquiryFor({ ...step, completedAt: new Date('2026-11-07T00:00:00Z') })?.key).toBe('inquiry:complaint_steps:3');
  });
});
