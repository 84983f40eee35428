import { LetterImmutableError } from '../errors/letter-immutable-error';
import { StepImmutableError } from '../errors/step-immutable-error';
import { guardLetterUpdate } from '../letters/guard-issued-letters';
import { rejectForgedFields } from '../shared/reject-forged-fields';
import { rejectInvalidInput } from '../shared/reject-invalid-input';
import { asKeys, asRow, filterContext, type HookSetup } from './hook-context';

/**
 * Registered first: no request writes a server-set field or back-enters an event time it may not,
 * no value breaks the input rules (type, real date, text, time order), and the step log and issued
 * letters stay as written (the system itself has no accountability). Personal data is withheld by
 * permissions, not here (docs/personal-data.md).
 */
export function registerGuards(setup: HookSetup): void {
  const { on } = setup;
  for (const event of ['items.create', 'items.update']) {
    on.filter(event, async (payload, { collection, keys }, eventContext) => {
      const data = filterContext(setup, eventContext);
      const write = { collection, payload, ...(event === 'items.update' ? { keys: asKeys(keys) } : {}) };
      await rejectForgedFields(data, write);
      await rejectInvalidInput(data, write);
      return payload;
    });
  }
  for (const event of ['complaint_steps.items.update', 'complaint_steps.items.delete']) {
    on.filter(event, (payload, _meta, { accountability }) => {
      if (accountability) throw new StepImmutableError();
      return payload;
    });
  }
  on.filter('letters.items.update', (payload, { collection, keys }, event) =>
    guardLetterUpdate(filterContext(setup, event), { collection, keys: asKeys(keys), payload: asRow(payload) }),
  );
  on.filter('letters.items.delete', (payload, _meta, { accountability }) => {
    if (accountability) throw new LetterImmutableError();
    return payload;
  });
}
