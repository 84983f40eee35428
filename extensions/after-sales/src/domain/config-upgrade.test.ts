import { describe, expect, test } from 'vitest';
import { planConfigItem, sameConfigValue } from './config-upgrade';

const shipped = { limit_value: 3, name: '运营部调查' };

describe('planConfigItem', () => {
  test.each([
    ['a new item is created', { baseline: undefined, current: null }, 'create', shipped, 0],
    ['an item deleted by the administrator stays deleted', { baseline: shipped, current: null }, 'none', {}, 0],
    ['an item the administrator edited keeps the edit', { baseline: shipped, current: { ...shipped, limit_value: 5 } }, 'none', {}, 0],
    ['an old database keeps a rule row as it is', { baseline: undefined, current: { ...shipped, limit_value: 5 } }, 'none', {}, 0],
  ])('%s', (_name, state, action, values, conflicts) => {
    const plan = planConfigItem({ shipped, adopt: 'keep', ...state });
    expect(plan).toMatchObject({ action, values, baseline: shipped });
    expect(plan.conflicts).toHaveLength(conflicts);
  });

  test('an old database takes the shipped value where earlier releases forced it anyway', () => {
    expect(planConfigItem({ shipped, baseline: undefined, current: { ...shipped, name: '旧' }, adopt: 'apply' })).toMatchObject({
      action: 'update',
      values: { name: '运营部调查' },
    });
  });

  test('a release change applies where the administrator left the property as shipped, and is reported where they changed it', () => {
    const before = { limit_value: 3, name: '旧名称' };
    const next = { limit_value: 4, name: '新名称' };
    const plan = planConfigItem({ shipped: next, baseline: before, current: { limit_value: 5, name: '旧名称' }, adopt: 'keep' });
    expect(plan).toMatchObject({ action: 'update', values: { name: '新名称' }, baseline: next });
    expect(plan.conflicts).toEqual([{ property: 'limit_value', shipped: 4, current: 5 }]);
  });

  test('a release change to an item the administrator deleted is reported, not restored', () => {
    const plan = planConfigItem({ shipped: { ...shipped, limit_value: 4 }, baseline: shipped, current: null, adopt: 'keep' });
    expect(plan.action).toBe('none');
    expect(plan.conflicts).toEqual([{ property: null, shipped: { ...shipped, limit_value: 4 }, current: null }]);
  });

  test('an item the release stops shipping is removed only when removable and untouched', () => {
    expect(planConfigItem({ shipped: undefined, baseline: shipped, current: shipped, adopt: 'apply', removable: true })).toMatchObject({
      action: 'remove',
      baseline: null,
    });
    const edited = planConfigItem({
      shipped: undefined,
      baseline: shipped,
      current: { ...shipped, limit_value: 9 },
      adopt: 'apply',
      removable: true,
    });
    expect(edited).toMatchObject({ action: 'none', baseline: null });
    expect(edited.conflicts).toHaveLength(1);
    expect(planConfigItem({ shipped: undefined, baseline: shipped, current: shipped, adopt: 'keep' })).toMatchObject({
      action: 'none',
      baseline: null,
      conflicts: [],
    });
  });
});

test.each([
  [0.8, '0.80', true],
  [null, undefined, true],
  [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
  [['a', 'b'], ['b', 'a'], false],
  ['1', 'x', false],
  [true, 1, false],
])('sameConfigValue(%j, %j) is %s', (a, b, same) => {
  expect(sameConfigValue(a, b)).toBe(same);
});
