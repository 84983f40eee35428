import { withMaskedCopies } from '../domain/personal-data';
import type { HookSetup } from './hook-context';

/**
 * Registered last: every ID number or personal phone a write sets, whether the client sent it or a
 * hook before filled it in, brings its masked copy. The departments whose permissions leave the full
 * value out read that copy (docs/personal-data.md); the other hooks never see it.
 */
export function registerMaskedCopies({ on }: HookSetup): void {
  for (const event of ['items.create', 'items.update']) {
    on.filter(event, (payload, { collection }) => withMaskedCopies(collection, payload));
  }
}
