import { penaltyFromStandard, type PenaltyStandard } from '../domain/penalty';
import { readAll, type DataAccess } from '../shared/data-access';

/** K-PENALTY: the chosen 罚扣判定基准 fills the loss amount, penalty type and sanction flag not given. */
export async function penaltyFromChoice(data: DataAccess, changes: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (!changes['penalty_standard']) return {};
  const [standard] = await readAll(data, 'penalty_standards', {
    filter: { id: { _eq: changes['penalty_standard'] } },
    fields: ['code', 'loss_amount', 'penalty_type', 'administrative_sanction'],
  });
  return standard ? penaltyFromStandard(standard as PenaltyStandard, changes) : {};
}
