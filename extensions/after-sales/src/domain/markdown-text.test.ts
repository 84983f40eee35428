import { expect, test } from 'vitest';
import { markdownText } from './markdown-text';

test.each([
  ['某某保险公估公司', '某某保险公估公司'],
  ['<小明> & 小红', '\\<小明\\> \\& 小红'],
  ['<img src=x onerror=alert(1)>', '\\<img src\\=x onerror\\=alert\\(1\\)\\>'],
  ['[点此](http://example.com)', '\\[点此\\]\\(http\\:\\/\\/example\\.com\\)'],
  ['**加粗** _斜体_ `代码`', '\\*\\*加粗\\*\\* \\_斜体\\_ \\`代码\\`'],
  ['第一行\n# 标题\r\n> 引用', '第一行 \\# 标题 \\> 引用'],
  ['{{x}} \\ |', '\\{\\{x\\}\\} \\\\ \\|'],
  [null, ''],
])('%j → %j', (value, expected) => {
  expect(markdownText(value)).toBe(expected);
});
