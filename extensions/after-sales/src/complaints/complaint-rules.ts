import type { ApprovalAuthority } from '../domain/approval-authority';
import type { Transition } from '../domain/complaint-workflow';
import { readRows, type DataAccess } from '../shared/data-access';
import { cachedRules } from '../shared/rules-cache';

export interface ComplaintRules {
  transitions: Transition[];
  authorities: ApprovalAuthority[];
}

/** The transition table and the approval authority table (this instance's copy while the rules stand). */
export function complaintRules(data: DataAccess): Promise<ComplaintRules> {
  return cachedRules(data.database, data.event, 'complaint-workflow', async () => {
    const [transitions, authorities] = await Promise.all([
      readRows(data, 'complaint_transitions', ['from_stage', 'to_stage', 'department', 'requires_approval', 'required_fields']),
      readRows(data, 'approval_authorities', ['level', 'max_amount', 'sort'], undefined, 'sort'),
    ]);
    return { transitions: transitions as Transition[], authorities: authorities as ApprovalAuthority[] };
  });
}
