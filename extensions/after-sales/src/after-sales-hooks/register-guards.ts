import { LetterImmutableError } from '../errors/letter-immutable-error';
import { StepImmutableError } from '../errors/step-immutable-error';
import { guardLetterUpdate } from '../letters/guard-issued-letters';
import { rejectForgedFields } from '../shared/reject-forged-fields';
import { asRow, type HookSetup } from './hook-context';

/**
 * Registered first: no request writes a server-set field or back-enters an event time it may not,
 * and the step log and issued letters stay as written (the system itself has no accountability).
 */
export function registerGuards({ on }: HookSetup): void {
  for (const event of ['items.create', 'items.update']) {
    on.filter(event, async (payload, { collection }, { accountability, database }) => {
      await rejectForgedFields(payload, collection, accountability, database);
      return payload;
    });
  }
  for (const event of ['complaint_steps.items.update', 'complaint_steps.items.delete']) {
    on.filter(event, (payload, _meta, { accountability }) => {
      if (accountability) throw new StepImmutableError();
      return payload;
    });
  }
  on.filter('letters.items.update', (payload, _meta, { accountability }) => guardLetterUpdate(asRow(payload), accountability, new Date()));
  on.filter('letters.items.delete', (payload, _meta, { accountability }) => {
    if (accountability) throw new LetterImmutableError();
    return payload;
  });
}
