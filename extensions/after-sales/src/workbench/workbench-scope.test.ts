import { expect, test } from 'vitest';
import type { Actor } from '../shared/actor';
import { workbenchScope } from './workbench-scope';

const actor = (department: Actor['department'], isAdmin = false): Actor => ({
  userId: 'u',
  isAdmin,
  department,
  approvalLevels: async () => [],
});

test.each<[string, Actor, Record<string, unknown>, { department: string | null; limit: number; canChooseDepartment: boolean }]>([
  ['a clerk sees their own department', actor('market'), {}, { department: 'market', limit: 50, canChooseDepartment: false }],
  [
    'a clerk may name their own department',
    actor('tech'),
    { department: 'tech', limit: '10' },
    { department: 'tech', limit: 10, canChooseDepartment: false },
  ],
  ['an administrator sees every department', actor(null, true), {}, { department: null, limit: 50, canChooseDepartment: true }],
  [
    'an administrator picks one',
    actor(null, true),
    { department: 'operations' },
    { department: 'operations', limit: 50, canChooseDepartment: true },
  ],
])('%s', (_name, who, query, expected) => {
  expect(workbenchScope(who, query)).toEqual(expected);
});

test.each<[string, Actor, Record<string, unknown>, number, string]>([
  ['another department', actor('market'), { department: 'operations' }, 403, '售后工作台：只能查看本部门（市场部）的待办。'],
  ['no department', actor(null), {}, 403, '售后工作台：您的角色不属于任何部门，没有可显示的待办。'],
  [
    'an unknown department',
    actor(null, true),
    { department: 'sales' },
    400,
    '售后工作台参数 department 无效：应为 market、operations、gm_office、tech、quality 之一，收到 “sales”。',
  ],
  ['a limit out of range', actor('market'), { limit: '500' }, 400, '售后工作台参数 limit 无效：应为 1–200 的整数，收到 “500”。'],
  ['a limit that is no number', actor('market'), { limit: 'abc' }, 400, '售后工作台参数 limit 无效：应为 1–200 的整数，收到 “abc”。'],
])('refuses %s', (_name, who, query, status, message) => {
  expect(() => workbenchScope(who, query)).toThrow(expect.objectContaining({ status, message }));
});
