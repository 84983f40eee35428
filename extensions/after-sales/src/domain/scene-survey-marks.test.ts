import { describe, expect, test } from 'vitest';
import { judgeSceneSurveyMarks } from './scene-survey-marks';

const now = new Date('2026-12-01T02:00:00.000Z');
const clerk = { user: 'clerk-1', isAdmin: false };
const admin = { user: 'admin-1', isAdmin: true };

describe('judgeSceneSurveyMarks (C-SCENE, C-SURVEY)', () => {
  test('a tick is recorded with the time and the person; asking for a survey moves 查勘状态', () => {
    expect(judgeSceneSurveyMarks({}, { scene_protection_notified: true, insurer_survey_notified: true }, clerk, now)).toEqual({
      fields: {
        scene_protection_notified: true,
        scene_protection_notified_at: now.toISOString(),
        scene_protection_notified_by: 'clerk-1',
        insurer_survey_notified: true,
        insurer_survey_notified_at: now.toISOString(),
        insurer_survey_notified_by: 'clerk-1',
        survey_status: 'requested',
      },
    });
  });

  test('the same tick again changes nothing', () => {
    const stored = { scene_protection_notified: true, scene_protection_notified_at: '2026-12-01T01:00:00.000Z' };
    expect(judgeSceneSurveyMarks(stored, { scene_protection_notified: true }, clerk, now)).toEqual({ fields: {} });
  });

  test('a survey report before the survey was asked for is refused, naming both ticks', () => {
    expect(judgeSceneSurveyMarks({}, { survey_report_received: true }, clerk, now)).toEqual({
      refusal: {
        field: 'survey_report_received',
        label: '已收到查勘报告',
        rule: '须在“已通知承保公司查勘”之后记录，请先勾选“已通知承保公司查勘”',
      },
    });
  });

  test('a clerk cannot take a tick back; an administrator can', () => {
    const stored = {
      scene_protection_notified: true,
      scene_protection_notified_at: '2026-12-01T01:00:00.000Z',
      scene_protection_notified_by: 'x',
    };
    expect(judgeSceneSurveyMarks(stored, { scene_protection_notified: false }, clerk, now)).toMatchObject({
      refusal: { field: 'scene_protection_notified', label: '已通知报案人保护现场' },
    });
    expect(judgeSceneSurveyMarks(stored, { scene_protection_notified: false }, admin, now)).toEqual({
      fields: { scene_protection_notified: false, scene_protection_notified_at: null, scene_protection_notified_by: null },
    });
  });

  test('an administrator back-enters a time: the tick follows; a report time before the request is refused', () => {
    const requested = { insurer_survey_notified: true, insurer_survey_notified_at: '2026-11-30T08:00:00.000Z' };
    expect(judgeSceneSurveyMarks(requested, { survey_report_received_at: '2026-12-01T01:00:00.000Z' }, admin, now)).toEqual({
      fields: { survey_report_received: true, survey_report_received_by: 'admin-1', survey_status: 'done' },
    });
    expect(judgeSceneSurveyMarks(requested, { survey_report_received_at: '2026-11-30T07:00:00.000Z' }, admin, now)).toMatchObject({
      refusal: { field: 'survey_report_received_at', rule: '不能早于“通知查勘时间”' },
    });
  });
});
