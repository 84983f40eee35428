import { judgePetitionDecision, PETITION_DECISION_FIELDS } from '../domain/petition-decision';
import { BatchUpdateConflictError } from '../errors/batch-update-conflict-error';
import { InvalidCaseStatusError } from '../errors/invalid-case-status-error';
import { readStored } from '../shared/data-access';
import type { HandlerContext, UpdateWrite } from '../shared/handler-context';

type Item = Record<string, any>;

/**
 * Filter for `petitions` updates: judges the decision (domain/petition-decision.ts) and stamps it (who,
 * when). Directus runs update filters before its transaction and its permission check, so the filter
 * writes nothing else: the decided petition is itself the pending work, carried out after commit by
 * applyPetitionDecision (and by the sweep, should the server stop in between).
 */
export async function petitionOnUpdate(data: HandlerContext, { keys, payload }: UpdateWrite): Promise<Item> {
  const { accountability, now } = data;
  if (!PETITION_DECISION_FIELDS.some((field) => field in payload)) return payload;
  const stored = await readStored(data, 'petitions', keys);
  const decisions = stored.map((petition) => judgePetitionDecision(petition, payload));
  const refused = decisions.find((decision) => decision.kind === 'refuse');
  if (refused?.kind === 'refuse') throw new InvalidCaseStatusError({ reason: refused.reason });
  const deciding = decisions.filter((decision) => decision.kind !== 'none').length;
  if (deciding === 0) return payload;
  if (deciding > 1) throw new BatchUpdateConflictError();
  return { ...payload, decided_at: now.toISOString(), decided_by: accountability?.user ?? null };
}
