import { createError } from '@directus/errors';

/** A complaint move the user's department or approval level does not allow: 403 with the rule. */
export const WorkflowForbiddenError = createError<{ reason: string }>('AFTER_SALES_WORKFLOW_FORBIDDEN', ({ reason }) => reason, 403);
