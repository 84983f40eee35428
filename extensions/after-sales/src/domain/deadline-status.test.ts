import { expect, test } from 'vitest';
import { CLOCK_DEFINITIONS } from './case-clocks';
import { clocksByIds, statusFilter } from './deadline-status';

const handover = CLOCK_DEFINITIONS.find((definition) => definition.id === 'handover')!;

test.each([
  ['breached', [{ handover_due_at: { _lte: '$NOW' } }]],
  ['warning', [{ handover_warn_at: { _lte: '$NOW' } }, { handover_due_at: { _gt: '$NOW' } }]],
  ['on_track', [{ handover_warn_at: { _gt: '$NOW' } }]],
] as const)('%s: a running clock (due set, not handed over) within the bounds', (status, bounds) => {
  expect(statusFilter(handover, status, '$NOW')).toEqual({
    _and: [{ handover_due_at: { _nnull: true } }, { handed_over_at: { _null: true } }, ...bounds],
  });
});

test('complaint clocks also leave out closed complaints', () => {
  const close = CLOCK_DEFINITIONS.find((definition) => definition.id === 'complaint_close')!;
  expect(statusFilter(close, 'on_track', '2026-11-20T00:00:00.000Z')['_and']).toContainEqual({ stage: { _neq: 'closed' } });
});

test('clocks are picked by id; unknown ids are named', () => {
  expect(clocksByIds(['hq_report', 'handover']).clocks.map((clock) => clock.id)).toEqual(['hq_report', 'handover']);
  expect(clocksByIds([]).clocks).toHaveLength(CLOCK_DEFINITIONS.length);
  expect(clocksByIds(['hq_report', 'nope']).unknown).toEqual(['nope']);
});
