import { InvalidInputError } from '../errors/invalid-input-error';
import { judgeSceneSurveyMarks, touchesMarks } from '../domain/scene-survey-marks';
import { readStored } from '../shared/data-access';
import type { CreateWrite, HandlerContext, UpdateWrite } from '../shared/handler-context';
import { sameForEveryItem } from '../shared/same-for-every-item';

type Row = Record<string, unknown>;

function marked(context: HandlerContext, stored: Row, payload: Row): Row {
  const actor = { user: context.accountability?.user ?? null, isAdmin: context.accountability?.admin === true };
  // The console's own writes (no accountability: recompute, sweep) never tick a notice.
  if (!context.accountability) return {};
  const judgement = judgeSceneSurveyMarks(stored, payload, actor, context.now);
  if ('refusal' in judgement) throw new InvalidInputError(judgement.refusal);
  return judgement.fields;
}

/** Filter for new reports: a notice ticked at intake is recorded with its time and person. */
export async function sceneSurveyOnCreate(context: HandlerContext, { collection, payload }: CreateWrite): Promise<Row> {
  if (collection !== 'claim_reports' || !touchesMarks(payload)) return payload;
  return { ...payload, ...marked(context, {}, payload) };
}

/** Filter for report updates: the ticks of the scene and survey notices, refused out of order (nothing written). */
export async function sceneSurveyOnUpdate(context: HandlerContext, { collection, keys, payload }: UpdateWrite): Promise<Row> {
  if (collection !== 'claim_reports' || !touchesMarks(payload)) return payload;
  const stored = await readStored(context, collection, keys);
  return { ...payload, ...sameForEveryItem(stored.map((row) => marked(context, row, payload))) };
}
