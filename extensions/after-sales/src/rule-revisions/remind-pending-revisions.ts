import { RULE_APPROVER_POLICY } from '../domain/rule-revision';
import type { DataAccess } from '../shared/data-access';
import { issueOnce } from '../notices/issue-once';
import { notifyUsers } from '../notices/notify-department';

/**
 * The holders of the 总经理 policy are told when rule revisions wait for their approval (第十六条):
 * once per newest pending entry, so a burst of edits between two sweeps is one notice and nothing
 * is repeated once told. Returns whether a notice went out.
 */
export async function remindPendingRevisions(data: DataAccess, now: Date): Promise<boolean> {
  const [row] = await data.database('rule_revisions').where({ status: 'pending' }).count({ count: 'id' }).max({ newest: 'id' });
  const pending = Number(row?.['count'] ?? 0);
  if (pending === 0 || row?.['newest'] === null || row?.['newest'] === undefined) return false;
  return issueOnce(
    data,
    { key: `rule_revisions:pending:${String(row['newest'])}`, kind: 'rule_revisions', collection: 'rule_revisions' },
    now,
    async (trx) => {
      await notifyUsers(
        trx,
        { status: { _eq: 'active' }, policies: { policy: { name: { _eq: RULE_APPROVER_POLICY } } } },
        {
          subject: `【规则修订】${pending} 条待总经理核准`,
          message: `规则表有 ${pending} 条修订已生效、待您核准（第十六条：本办法呈总经理核准后实施，修订时亦同）。请在“规则管理 → 规则修订记录”中查看并核准。`,
          collection: 'rule_revisions',
          item: '',
        },
      );
    },
  );
}
