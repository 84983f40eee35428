import { sceneSurveyOnCreate, sceneSurveyOnUpdate } from '../claims/scene-survey-on-write';
import { asKeys, asRow, filterContext, type HookSetup } from './hook-context';

/** C-SCENE / C-SURVEY: the notices of a report's scene and survey tasks, before the clocks they stop. */
export function registerSceneSurvey(setup: HookSetup): void {
  const { on } = setup;
  on.filter('items.create', async (payload, { collection }, event) =>
    sceneSurveyOnCreate(filterContext(setup, event), { collection, payload: asRow(payload) }),
  );
  on.filter('items.update', async (payload, { collection, keys }, event) =>
    sceneSurveyOnUpdate(filterContext(setup, event), { collection, keys: asKeys(keys), payload: asRow(payload) }),
  );
}
