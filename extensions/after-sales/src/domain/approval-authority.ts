/** A row of the approval authority table (核决权限): a level approves amounts up to its maximum. */
export interface ApprovalAuthority {
  level: string;
  /** null: no upper limit. Directus returns decimals as strings. */
  max_amount: number | string | null;
  sort: number;
}

/** The authority table from the lowest level to the highest. */
export function rankedAuthorities(authorities: ApprovalAuthority[]): ApprovalAuthority[] {
  return [...authorities].sort((a, b) => a.sort - b.sort);
}

/** The lowest level whose limit covers the amount (limits are inclusive: 5,000 is still 业务部经理). */
export function requiredApprovalLevel(amount: number, authorities: ApprovalAuthority[]): string {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`amount must be a non-negative number, got ${amount}`);
  const level = rankedAuthorities(authorities).find((row) => row.max_amount === null || amount <= Number(row.max_amount));
  if (!level) throw new RangeError(`no approval level covers ${amount}: give the highest level no upper limit`);
  return level.level;
}

/** A user may approve when one of the levels they hold ranks at or above the required level. */
export function mayApprove(heldLevels: string[], requiredLevel: string, authorities: ApprovalAuthority[]): boolean {
  const order = rankedAuthorities(authorities).map((row) => row.level);
  const required = order.indexOf(requiredLevel);
  if (required < 0) throw new RangeError(`unknown approval level ${requiredLevel}`);
  return heldLevels.some((level) => order.indexOf(level) >= required);
}

/** The levels that may approve what `level` may: it and every higher one. */
export function levelsAtOrAbove(level: string, authorities: ApprovalAuthority[]): string[] {
  const order = rankedAuthorities(authorities).map((row) => row.level);
  return order.slice(Math.max(0, order.indexOf(level)));
}
