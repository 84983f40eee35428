import { expect, test } from 'vitest';
import { chineseWeekday, withoutErrorCode } from './app-chrome';

test.each([
  ['[AFTER_SALES_DUPLICATE_REPORT] 不能重复登记：已有报案 BA2612050001', '不能重复登记：已有报案 BA2612050001'],
  ['[FORBIDDEN] 没有执行此操作的权限。', '没有执行此操作的权限。'],
  ['已有报案 [BA1] 未结案', '已有报案 [BA1] 未结案'],
  ['[x] 小写不是代码', '[x] 小写不是代码'],
])('error box %s → %s', (text, plain) => {
  expect(withoutErrorCode(text)).toBe(plain);
});

test.each([
  ['Sun', '日'],
  ['Mon', '一'],
  [' Sat ', '六'],
  ['周一', '周一'],
])('weekday header %s → %s', (text, chinese) => {
  expect(chineseWeekday(text)).toBe(chinese);
});
