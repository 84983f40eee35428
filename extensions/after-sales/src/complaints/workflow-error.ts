import { WorkflowForbiddenError } from '../errors/workflow-forbidden-error';
import { WorkflowRefusedError } from '../errors/workflow-refused-error';

/** The Directus error for a refused move: 403 when the user may not make it, 400 when it is not valid. */
export function workflowError({ status, reason }: { status: 400 | 403; reason: string }): Error {
  return status === 403 ? new WorkflowForbiddenError({ reason }) : new WorkflowRefusedError({ reason });
}
