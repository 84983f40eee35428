import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

// docs/requirements.md names the code and the tests of every requirement: each path it names exists.
const root = path.resolve(__dirname, '../..');
const PREFIXES: Record<string, string> = {
  'ext/': 'extensions/after-sales/src/',
  'it/': 'tests/integration/',
  'br/': 'tests/browser/',
};
const expand = (name: string) =>
  Object.entries(PREFIXES).reduce((p, [short, long]) => (p.startsWith(short) ? long + p.slice(short.length) : p), name);

/** Whether a path exists; a `*` in the last part matches any run of characters. */
function exists(name: string): boolean {
  const full = path.join(root, expand(name));
  if (!name.includes('*')) return existsSync(full);
  const dir = path.dirname(full);
  const pattern = new RegExp(
    `^${path
      .basename(full)
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')}$`,
  );
  return existsSync(dir) && readdirSync(dir).some((entry) => pattern.test(entry));
}

const rows = readFileSync(path.join(root, 'docs/requirements.md'), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| ID |') && !line.startsWith('| what |'))
  .map((line) => line.split(' | '));

test.each(rows.map((cells) => [cells[0]!.replace('| ', ''), cells.slice(2).join(' | ')]))(
  '%s: the code and tests it names exist',
  (_, cells) => {
    const named = [...cells.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    expect(named.filter((name) => !exists(name))).toEqual([]);
  },
);
