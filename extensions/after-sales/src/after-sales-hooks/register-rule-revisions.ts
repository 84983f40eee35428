import { isRevisedRuleTable } from '../domain/rule-revision';
import { approveRuleRevisions, refuseHandMadeRevision } from '../rule-revisions/guard-rule-revisions';
import { readEarlierRows, recordRuleRevision } from '../rule-revisions/record-rule-revision';
import { asKeys, asRow, filterContext, type HookSetup } from './hook-context';

/**
 * K-RULES: every change of a rule table becomes an entry of 规则修订记录 in the change's own
 * transaction. Directus writes an activity row for every tracked write (the app, REST, GraphQL, an
 * import, a revert, the console's own writes as a user, hooks on or off) inside the write's
 * transaction, after the change: its filter is where the entry is written. The update and delete
 * filters, which run before, read the rows as they were.
 */
export function registerRuleRevisions(setup: HookSetup): void {
  const { on } = setup;

  on.filter('items.update', async (payload, { collection, keys }, event) => {
    if (isRevisedRuleTable(String(collection))) await readEarlierRows(filterContext(setup, event), String(collection), asKeys(keys));
    return payload;
  });
  on.filter('items.delete', async (keys, { collection }, event) => {
    if (isRevisedRuleTable(String(collection))) await readEarlierRows(filterContext(setup, event), String(collection), asKeys(keys));
    return keys;
  });
  on.filter('activity.create', async (payload, _meta, event) => {
    const activity = asRow(payload);
    if (isRevisedRuleTable(String(activity['collection']))) {
      const write = {
        collection: String(activity['collection']),
        item: String(activity['item']),
        action: String(activity['action']),
        user: (activity['user'] as string | null) ?? null,
      };
      const data = filterContext(setup, event);
      await recordRuleRevision(data, write, data.now);
    }
    return payload;
  });

  on.filter('rule_revisions.items.create', () => refuseHandMadeRevision('create'));
  on.filter('rule_revisions.items.delete', () => refuseHandMadeRevision('delete'));
  on.filter('rule_revisions.items.update', (payload, { collection, keys }, event) =>
    approveRuleRevisions(filterContext(setup, event), { collection, keys: asKeys(keys), payload: asRow(payload) }),
  );
}
