import { createError } from '@directus/errors';

/** An approval of a rule revision by someone who does not hold the 总经理 policy, or a hand-made entry: 403. */
export const RuleRevisionForbiddenError = createError<{ reason: string }>(
  'AFTER_SALES_RULE_REVISION_FORBIDDEN',
  ({ reason }) => reason,
  403,
);
