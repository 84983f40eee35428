import { describe, expect, test } from 'vitest';
import { CLOCK_DEFINITIONS } from './case-clocks';
import { CLOCK_INDEXES, indexName } from './clock-indexes';

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

  test('a name over 63 characters is cut and tagged by its hash; a short one stays whole', () => {
    expect(indexName('complaints', 'stage', 'timeliness_checked_at')).toBe('complaints_stage_timeliness_checked_at_index');
    const long = indexName('claim_reports', 'insurer_survey_notified_at', 'survey_request_warn_at');
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^claim_reports_insurer_survey_notified_at_survey_[0-9a-f]{8}_index$/);
    expect(indexName('claim_reports', 'insurer_survey_notified_at', 'survey_request_due_at')).not.toBe(long);
  });
});
