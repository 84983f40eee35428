import { createError } from '@directus/errors';

/** A complaint move the workflow does not allow (skipped stage, missing fields): 400 with the rule. */
export const WorkflowRefusedError = createError<{ reason: string }>('AFTER_SALES_WORKFLOW_REFUSED', ({ reason }) => reason, 400);
