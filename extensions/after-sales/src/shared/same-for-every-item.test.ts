import { describe, expect, test } from 'vitest';
import { sameForEveryItem } from './same-for-every-item';

describe('one payload for a batch update', () => {
  test.each([
    ['no item', [], {}],
    ['one item', [{ due_at: 'a' }], { due_at: 'a' }],
    [
      'equal results',
      [
        { due_at: 'a', warn_at: null },
        { due_at: 'a', warn_at: null },
      ],
      { due_at: 'a', warn_at: null },
    ],
  ])('%s: the shared result', (_name, results, expected) => {
    expect(sameForEveryItem(results)).toEqual(expected);
  });

  test('different results refuse the batch in Chinese', () => {
    expect(() => sameForEveryItem([{ due_at: 'a' }, { due_at: 'b' }])).toThrow(/逐条修改/);
  });
});
