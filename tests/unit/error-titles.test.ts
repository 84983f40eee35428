import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';

// The admin app titles an error dialog with the translation string `errors.<code>` and shows the
// raw key when there is none: every error code the bundle raises needs a Chinese title.

const root = path.resolve(__dirname, '..', '..');
const source = path.join(root, 'extensions', 'after-sales', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const codes = [
  ...new Set(
    sourceFiles(source).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/createError(?:<[^>]*>)?\(\s*'([A-Z0-9_]+)'/g)].map((match) => match[1]!),
    ),
  ),
].sort();
const titles: Record<string, string> = parse(readFileSync(path.join(root, 'snapshots', 'config.yaml'), 'utf8')).translation_strings[
  'zh-CN'
];

test('every error code of the bundle has a Chinese dialog title in config.yaml', () => {
  expect(codes.length).toBeGreaterThanOrEqual(20);
  const missing = codes.filter((code) => !/[\u4e00-\u9fff]/.test(titles[`errors.${code}`] ?? ''));
  expect(missing).toEqual([]);
});

test('no title is left for a code the bundle no longer raises', () => {
  const stale = Object.keys(titles).filter((key) => key.startsWith('errors.AFTER_SALES_') && !codes.includes(key.slice('errors.'.length)));
  expect(stale).toEqual([]);
});
