import { describe, expect, test } from 'vitest';
import { amountInChineseCapitals, amountToFen } from './rmb-capital';

describe('amountInChineseCapitals', () => {
  test.each<[number | string, string, string]>([
    [0, '人民币零元整', 'zero'],
    ['0.00', '人民币零元整', 'zero as a decimal string'],
    [1, '人民币壹元整', 'one yuan'],
    [10, '人民币壹拾元整', 'ten is 壹拾, never a bare 拾'],
    [15, '人民币壹拾伍元整', 'teens keep 壹'],
    [101, '人民币壹佰零壹元整', 'a zero inside a group'],
    [110, '人民币壹佰壹拾元整', 'trailing zero of the integer part is not read'],
    [1001, '人民币壹仟零壹元整', 'a run of zeros is one 零'],
    [1010, '人民币壹仟零壹拾元整', 'zero then 拾'],
    [8000, '人民币捌仟元整', 'round thousands'],
    ['8000.00', '人民币捌仟元整', 'the decimal string Directus returns'],
    [10000, '人民币壹万元整', 'one 万'],
    [10001, '人民币壹万零壹元整', 'zeros across the 万 boundary'],
    [10100, '人民币壹万零壹佰元整', 'the 万 group is followed by 0100'],
    [11000, '人民币壹万壹仟元整', 'no 零 when the lower group starts at 仟'],
    [100000, '人民币壹拾万元整', 'ten 万'],
    [100100, '人民币壹拾万零壹佰元整', 'trailing zero of the 万 group then a gap'],
    [101000, '人民币壹拾万壹仟元整', 'trailing zero of the 万 group, lower group starts at 仟'],
    [1000010, '人民币壹佰万零壹拾元整', 'the example from the brief'],
    [1020304, '人民币壹佰零贰万零叁佰零肆元整', 'alternating zeros'],
    [100000000, '人民币壹亿元整', 'one 亿'],
    [100000001, '人民币壹亿零壹元整', 'an all-zero 万 group is skipped with one 零'],
    [100010000, '人民币壹亿零壹万元整', 'a gap before the 万 group'],
    [101000000, '人民币壹亿零壹佰万元整', 'a 万 group starting with 0'],
    [110000000, '人民币壹亿壹仟万元整', 'a 万 group starting at 仟'],
    [200101000, '人民币贰亿零壹拾万壹仟元整', 'zeros on both sides of 万'],
    ['999999999999.99', '人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分', 'the largest amount'],
    [1234.56, '人民币壹仟贰佰叁拾肆元伍角陆分', '角 and 分'],
    [1234.5, '人民币壹仟贰佰叁拾肆元伍角', '角 without 分 takes no 整'],
    [1234.05, '人民币壹仟贰佰叁拾肆元零伍分', '分 without 角 is preceded by 零'],
    [100000.05, '人民币壹拾万元零伍分', 'the example from the brief'],
    [1680.32, '人民币壹仟陆佰捌拾元叁角贰分', 'an integer part ending in 0 is not followed by 零'],
    [0.56, '人民币伍角陆分', 'below one yuan: no 元'],
    [0.05, '人民币伍分', 'only 分'],
    [0.5, '人民币伍角', 'only 角'],
    ['  42.10 ', '人民币肆拾贰元壹角', 'a string is trimmed'],
    ['007', '人民币柒元整', 'leading zeros are ignored'],
    [0.1 + 0.2, '人民币叁角', 'float noise does not leak into the 分'],
    ['1.005', '人民币壹元零壹分', 'rounds half up at the third decimal'],
    ['1.004', '人民币壹元整', 'rounds down below half'],
    ['0.995', '人民币壹元整', 'rounding carries into the yuan'],
    [1e-7, '人民币零元整', 'a tiny number in exponent form'],
  ])('%s → %s (%s)', (amount, expected) => {
    expect(amountInChineseCapitals(amount)).toBe(expected);
  });

  test.each<[number | string, string]>([
    [-1, 'negative'],
    [-0.01, 'negative cents'],
    ['-5', 'negative string'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'infinity'],
    ['', 'empty string'],
    ['abc', 'not a number'],
    ['1,000', 'thousands separators'],
    ['1e3', 'exponent in a string'],
    [1e12, '壹万亿 is beyond the supported range'],
    [1e21, 'exponent form of a huge number'],
  ])('%s is refused with a RangeError (%s)', (amount) => {
    expect(() => amountInChineseCapitals(amount)).toThrow(RangeError);
  });
});

test('amountToFen is exact for decimal strings and numbers alike', () => {
  expect(amountToFen('8000.00')).toBe(800000n);
  expect(amountToFen(8000)).toBe(800000n);
  expect(amountToFen(19.99)).toBe(1999n);
  expect(amountToFen('999999999999.99')).toBe(99999999999999n);
});
