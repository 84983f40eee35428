import { expect, test } from 'vitest';
import { reissueReason, reissueRefusal } from './letter-reissue';

const label = '不予受理通知书';

test.each([
  ['a first letter needs no reason', [], undefined, null],
  ['a first letter ignores a reason', [], '无', null],
  ['a second letter with a reason', ['WS2612000001'], '客户原件遗失', null],
])('%s', (_name, issued, reason, refusal) => {
  expect(reissueRefusal({ label, issued, reason })).toBe(refusal);
});

test.each([
  ['no reason', undefined],
  ['blank', '   '],
  ['not text', 42],
])('a second letter with %s is refused naming the rule and the first letter', (_name, reason) => {
  const refusal = reissueRefusal({ label, issued: ['WS2612000002', 'WS2612000001'], reason });
  expect(refusal).toContain('本案已出具过不予受理通知书（文书编号 WS2612000002、WS2612000001）');
  expect(refusal).toContain('再次出具须说明重新出具原因');
});

test('a reason over 500 characters is refused', () => {
  expect(reissueRefusal({ label, issued: ['WS1'], reason: '因'.repeat(501) })).toBe('重新出具原因不能超过 500 个字。');
});

test('the stored reason is trimmed, and only for a reissue', () => {
  expect(reissueReason(['WS1'], '  原件遗失 ')).toBe('原件遗失');
  expect(reissueReason([], '原件遗失')).toBeNull();
});
