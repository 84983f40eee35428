import { describe, expect, test } from 'vitest';
import { CLOCK_DEFINITIONS } from './case-clocks';
import { CLOCK_INDEXES } from './clock-indexes';

describe('deadline scan indexes', () => {
  test('every clock with a stop time is searched by (stop, warning) and (stop, due)', () => {
    for (const definition of CLOCK_DEFINITIONS.filter((d) => d.stop)) {
      const columns = CLOCK_INDEXES.filter((index) => index.table === definition.collection).map((index) => index.columns.join(','));
      expect(columns).toContain(`${definition.stop},${definition.warn}`);
      expect(columns).toContain(`${definition.stop},${definition.due}`);
    }
    expect(CLOCK_INDEXES.map((index) => `${index.table}:${index.columns}`)).toContain('complaints:stage,timeliness_checked_at');
  });

  test('names are unique and fit PostgreSQL (63 characters)', () => {
    const names = CLOCK_INDEXES.map((index) => index.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(63);
  });
});
