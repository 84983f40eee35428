import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import type { AccessFile } from '../../extensions/after-sales/src/domain/access-matrix';
import { renderPermissionsDoc } from '../../extensions/after-sales/src/domain/permissions-doc';

const root = path.resolve(__dirname, '..', '..');
const docPath = path.join(root, 'docs', 'permissions.md');

test('docs/permissions.md is the matrix of snapshots/access.yaml (npm run docs:permissions rewrites it)', () => {
  const file = parse(readFileSync(path.join(root, 'snapshots', 'access.yaml'), 'utf8')) as AccessFile;
  const expected = renderPermissionsDoc(file);
  if (process.env['UPDATE_DOCS'] === '1') writeFileSync(docPath, expected);
  expect(readFileSync(docPath, 'utf8')).toBe(expected);
  expect(expected).toContain('| `complaints` | CRU ¹ | RU ¹ | CRU ¹ | RU ¹ | R |');
});
