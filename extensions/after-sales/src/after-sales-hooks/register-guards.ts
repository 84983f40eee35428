import { LetterImmutableError } from '../errors/letter-immutable-error';
import { StepImmutableError } from '../errors/step-immutable-error';
import { guardLetterUpdate } from '../letters/guard-issued-letters';
import { rejectForgedFields } from '../shared/reject-forged-fields';
import { maskPersonalData, maskPersonalDataInRevisions } from '../shared/mask-personal-data';
import { rejectInvalidInput } from '../shared/reject-invalid-input';
import { asKeys, asRow, type HookSetup } from './hook-context';

/**
 * Registered first: no request writes a server-set field or back-enters an event time it may not,
 * no value breaks the input rules (type, real date, text, time order), personal data is masked
 * for departments that do not need it, and the step log and issued letters stay as written (the system itself has no accountability).
 */
export function registerGuards({ on, context }: HookSetup): void {
  for (const event of ['items.create', 'items.update']) {
    on.filter(event, async (payload, { collection, keys }, eventContext) => {
      const { accountability, database, schema } = eventContext;
      await rejectForgedFields(payload, collection, accountability, database);
      await rejectInvalidInput({ services: context.services, schema: schema!, database, event: eventContext }, accountability, collection, payload, event === 'items.update' ? asKeys(keys) : null, new Date());
      return payload;
    });
  }
  on.filter('items.read', (items, { collection }, { accountability, database, schema }) => maskPersonalData(items, collection, accountability, database, schema!));
  on.filter('revisions.read', (revisions, _meta, { accountability, database, schema }) => maskPersonalDataInRevisions(revisions, accountability, database, schema!));
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
