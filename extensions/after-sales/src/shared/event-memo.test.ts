import { describe, expect, test } from 'vitest';
import { memoFor } from './event-memo';

describe('reads shared by the hooks of one event', () => {
  test('one load per event and key; another event loads its own', async () => {
    let loads = 0;
    const load = async () => ++loads;
    const first = {};
    const second = {};
    expect(await memoFor(first, 'stored:complaints:7', load)).toBe(1);
    expect(await memoFor(first, 'stored:complaints:7', load)).toBe(1);
    expect(await memoFor(first, 'stored:complaints:8', load)).toBe(2);
    expect(await memoFor(second, 'stored:complaints:7', load)).toBe(3);
    expect(loads).toBe(3);
  });

  test('without an event every call loads', async () => {
    let loads = 0;
    await memoFor(undefined, 'k', async () => ++loads);
    await memoFor(null, 'k', async () => ++loads);
    expect(loads).toBe(2);
  });

  test('a failed load is not remembered: the next hook tries again', async () => {
    const scope = {};
    await expect(memoFor(scope, 'k', async () => Promise.reject(new Error('database busy')))).rejects.toThrow('database busy');
    expect(await memoFor(scope, 'k', async () => 'read')).toBe('read');
  });
});
