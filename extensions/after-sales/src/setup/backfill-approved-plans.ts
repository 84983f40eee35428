import type { Knex } from 'knex';

/**
 * Upgrade step: complaints approved before the approved values were kept (approved_amount,
 * approved_opinion) get them from the amount and opinion they carry, which could not change after
 * approval. Only rows with neither value; safe to run on every start.
 */
export async function backfillApprovedPlans(database: Knex): Promise<number> {
  return database('complaints')
    .whereNotNull('approved_at')
    .whereNull('approved_amount')
    .whereNull('approved_opinion')
    .update({ approved_amount: database.ref('offer_amount'), approved_opinion: database.ref('gm_opinion') });
}
