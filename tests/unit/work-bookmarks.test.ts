import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import type { StoredDeadlineRule } from '../../extensions/after-sales/src/domain/case-clocks';
import { DEPARTMENT_ROLES, type Department } from '../../extensions/after-sales/src/domain/departments';
import { bookmarkFilter, WORK_SOURCES, type BookmarkScope } from '../../extensions/after-sales/src/domain/work-queue';
import { bookmarkQuery, type BookmarkConfig } from '../../extensions/after-sales/src/setup/seed-presets';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => parse(readFileSync(path.join(root, 'snapshots', file), 'utf8'));
const bookmarks = (read('config.yaml').bookmarks as BookmarkConfig[]).filter((b) => b.work);
const rules = read('rules.yaml').deadline_rules.rows as StoredDeadlineRule[];
const NAMES: Record<BookmarkScope, string> = { mine: '我的待办', due_soon: '即将超时', overdue: '已逾期' };

test('config.yaml names a work bookmark for exactly the roles and collections where the department has such work', () => {
  const configured = bookmarks.flatMap((b) => b.roles.map((role) => `${role} ${b.collection} ${b.bookmark}`)).sort();
  const fromDomain: string[] = [];
  const collections = [...new Set(WORK_SOURCES.map((source) => source.collection))];
  for (const [department, role] of Object.entries(DEPARTMENT_ROLES)) {
    for (const collection of collections) {
      for (const scope of ['mine', 'due_soon', 'overdue'] as BookmarkScope[]) {
        // Every urge notice is past due already: 我的待办 is its only bookmark.
        if (collection === 'urge_notices' && scope === 'overdue') continue;
        if (bookmarkFilter(collection, department as Department, rules, scope)) fromDomain.push(`${role} ${collection} ${NAMES[scope]}`);
      }
    }
  }
  expect(configured).toEqual(fromDomain.sort());
});

test("each work bookmark gets a filter with its name's meaning, and the bookmark of another role none", () => {
  for (const config of bookmarks) {
    expect(NAMES[config.work!]).toBe(config.bookmark);
    for (const role of config.roles)
      expect(bookmarkQuery(config, role, rules), `${role} ${config.collection} ${config.bookmark}`).not.toBeNull();
  }
  const petitions = bookmarks.find((b) => b.collection === 'petitions')!;
  expect(bookmarkQuery(petitions, '市场部', rules)).toBeNull();
});

test('a fixed bookmark keeps its own filter and sort', () => {
  expect(
    bookmarkQuery(
      { bookmark: '重大案件', collection: 'claim_reports', roles: ['市场部'], filter: { is_major: { _eq: true } }, sort: ['hq_due_at'] },
      '市场部',
      rules,
    ),
  ).toEqual({
    filter: { is_major: { _eq: true } },
    sort: ['hq_due_at'],
  });
});
