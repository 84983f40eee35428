import type { Knex } from 'knex';
import { SCENE_SURVEY_MARKS } from '../domain/scene-survey-marks';

/**
 * Upgrade step: reports whose scene or survey notice time was typed before the notices became ticks
 * (C-SCENE, C-SURVEY) show the tick too. Only rows with the time and no tick; safe to run on every start.
 */
export async function backfillSceneSurveyMarks(database: Knex): Promise<number> {
  let rows = 0;
  for (const mark of SCENE_SURVEY_MARKS) {
    rows += await database('claim_reports')
      .whereNotNull(mark.at)
      .where((query) => query.whereNull(mark.flag).orWhere(mark.flag, false))
      .update({ [mark.flag]: true });
  }
  return rows;
}
