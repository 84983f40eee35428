export interface PenaltyStandard {
  code: string;
  loss_amount: number | string | null;
  penalty_type: string;
  administrative_sanction: boolean;
}

const PENALTY_FIELDS = ['loss_amount', 'penalty_type', 'administrative_sanction'] as const;

/**
 * K-PENALTY: choosing a standard (罚扣判定基准) fills the unit's loss amount, the individual penalty
 * and the administrative-sanction flag; a value the GM Office enters in the same save wins.
 */
export function penaltyFromStandard(standard: PenaltyStandard, changes: Record<string, unknown>): Record<string, unknown> {
  const filled: Record<string, unknown> = {
    loss_amount: standard.loss_amount === null ? null : Number(standard.loss_amount),
    penalty_type: standard.penalty_type,
    administrative_sanction: Boolean(standard.administrative_sanction),
  };
  return Object.fromEntries(PENALTY_FIELDS.filter((field) => !(field in changes)).map((field) => [field, filled[field]]));
}
