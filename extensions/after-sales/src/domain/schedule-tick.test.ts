import { expect, test } from 'vitest';
import { scheduleTick, sweepRunCutoff } from './schedule-tick';

test.each([
  ['*/5 * * * *', '2026-11-26T09:35:00.040Z', '2026-11-26T09:35:00.000Z'],
  ['*/5 * * * *', '2026-11-26T09:35:42.900Z', '2026-11-26T09:35:00.000Z'],
  ['*/2 * * * * *', '2026-11-26T09:35:42.900Z', '2026-11-26T09:35:42.000Z'],
  ['  */2   * * * * * ', '2026-11-26T09:35:43.001Z', '2026-11-26T09:35:43.000Z'],
])('%s started at %s belongs to the tick %s', (cron, startedAt, tick) => {
  expect(scheduleTick(new Date(startedAt), cron).toISOString()).toBe(tick);
});

test('two instances firing a few milliseconds apart share the tick', () => {
  const a = scheduleTick(new Date('2026-11-26T09:40:00.003Z'), '*/5 * * * *');
  const b = scheduleTick(new Date('2026-11-26T09:40:00.870Z'), '*/5 * * * *');
  expect(a).toEqual(b);
});

test('run rows are kept a week', () => {
  expect(sweepRunCutoff(new Date('2026-11-26T09:40:00.000Z')).toISOString()).toBe('2026-11-19T09:40:00.000Z');
});
