import { FOLLOW_UP_STATES, logFollowUpHistory } from '../complaints/follow-up-items/follow-up-history';
import { improvementMeasureOnCreate } from '../complaints/follow-up-items/improvement-measure-on-create';
import { improvementMeasureOnUpdate } from '../complaints/follow-up-items/improvement-measure-on-update';
import { qualityCheckOnCreate } from '../complaints/follow-up-items/quality-check-on-create';
import { qualityReportOnCreate } from '../complaints/follow-up-items/quality-report-on-create';
import { qualityReportOnUpdate } from '../complaints/follow-up-items/quality-report-on-update';
import { ratioConfirmationOnCreate } from '../complaints/follow-up-items/ratio-confirmation-on-create';
import { responsiblePersonOnCreate } from '../complaints/follow-up-items/responsible-person-on-create';
import { responsiblePersonOnUpdate } from '../complaints/follow-up-items/responsible-person-on-update';
import { afterCommitContext, asKeys, asRow, filterContext, type HookSetup } from './hook-context';

/**
 * K-RESPONSIBLE, K-IMPROVE, K-QUALITY, K-REPORT3D: the complaint's follow-up items (责任人员, 改善对策, 质量检验,
 * 质量报告), one handler per file in complaints/follow-up-items/. The filters judge who may propose, confirm,
 * complete, check, report and instruct (domain/responsible-person.ts, domain/improvement-measure.ts,
 * domain/quality-check.ts, domain/quality-report.ts) and stamp who and when; each state an item reaches is
 * written to the complaint's history after commit, once (the sweep writes any left pending).
 */
export function registerFollowUpItems(setup: HookSetup): void {
  const { on, context } = setup;
  const { logger } = context;
  const filters = {
    'responsible_persons.items.create': responsiblePersonOnCreate,
    'responsibility_ratio_confirmations.items.create': ratioConfirmationOnCreate,
    'quality_checks.items.create': qualityCheckOnCreate,
    'quality_reports.items.create': qualityReportOnCreate,
    'improvement_measures.items.create': improvementMeasureOnCreate,
  };
  for (const [event, handler] of Object.entries(filters)) {
    on.filter(event, async (payload, { collection }, event) =>
      handler(filterContext(setup, event), { collection, payload: asRow(payload) }),
    );
  }
  const updates = {
    responsible_persons: responsiblePersonOnUpdate,
    improvement_measures: improvementMeasureOnUpdate,
    quality_reports: qualityReportOnUpdate,
  };
  for (const [collection, handler] of Object.entries(updates)) {
    on.filter(`${collection}.items.update`, async (payload, { keys }, event) =>
      handler(filterContext(setup, event), { collection, keys: asKeys(keys), payload: asRow(payload) }),
    );
  }
  for (const collection of Object.keys(FOLLOW_UP_STATES)) {
    for (const action of ['create', 'update']) {
      on.action(`${collection}.items.${action}`, async (meta, event) => {
        const keys = action === 'create' ? [meta['key']] : asKeys(meta['keys']);
        const data = await afterCommitContext(setup, event);
        for (const key of keys) {
          await logFollowUpHistory(data, collection, key as string | number, data.now).catch((error) =>
            logger.error(error, '[after-sales] writing a follow-up item to the complaint history failed'),
          );
        }
      });
    }
  }
}
