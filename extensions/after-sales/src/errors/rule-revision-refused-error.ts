import { createError } from '@directus/errors';

/** A write to 规则修订记录 other than the approval of a pending entry: 400 with the rule. */
export const RuleRevisionRefusedError = createError<{ reason: string }>('AFTER_SALES_RULE_REVISION_REFUSED', ({ reason }) => reason, 400);
