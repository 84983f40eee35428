import { expect, test } from 'vitest';
import { waivedClockNotice } from './retroactive-clock';
import { clockEvent } from './sweep-plan';

const clock = { collection: 'claim_reports', itemId: '7', clockId: 'scene_protection' };
const now = new Date('2026-12-02T04:00:00.000Z');
const due = '2026-12-01T10:00:00.000Z';
const warn = '2026-12-01T09:00:00.000Z';

test.each([
  ['a clock new to the case, past due: its urge is waived', null, { due, warn }, `urge:claim_reports:7:scene_protection:${due}`],
  [
    'a clock new to the case, past its warning point only: the warning is waived (the urge will come)',
    null,
    { due: '2026-12-02T05:00:00.000Z', warn: '2026-12-02T03:00:00.000Z' },
    'warning:claim_reports:7:scene_protection:2026-12-02T05:00:00.000Z',
  ],
  [
    'a clock new to the case, not yet at its warning point: nothing',
    null,
    { due: '2026-12-03T00:00:00.000Z', warn: '2026-12-02T20:00:00.000Z' },
    null,
  ],
  ['a clock the case had, moved (a limit or the calendar changed): nothing', '2026-12-01T12:00:00.000Z', { due, warn }, null],
  ['a clock the case had, stored as epoch milliseconds (SQLite)', Date.parse(due), { due, warn }, null],
  ['a clock that no longer runs: nothing', null, { due: null, warn: null }, null],
])('%s', (_label, before, after, key) => {
  expect(waivedClockNotice(clock, { due: before }, after, now)?.key ?? null).toBe(key);
});

test('the waived key is the one the sweep would issue the notice under', () => {
  const waived = waivedClockNotice(clock, { due: null }, { due, warn }, now)!;
  const event = clockEvent(
    { ...clock, caseNo: 'BA-1', ruleName: '通知报案人保护现场', department: 'market', dueAt: new Date(due), warnAt: new Date(warn) },
    now,
    'Asia/Shanghai',
  );
  expect(event?.kind).toBe('urge');
  expect(waived.key).toBe(event?.key);
});
