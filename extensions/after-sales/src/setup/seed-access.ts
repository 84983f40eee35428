import type { SchemaOverview } from '@directus/types';
import { expandAccessMatrix, type AccessFile } from '../domain/access-matrix';
import type { ConfigLedger } from './config-ledger';
import type { ModelLabels } from './model-labels';
import { readYaml } from './read-yaml';
import { reconcileConfig } from './reconcile-config';
import { SYSTEM_ADMIN, type SetupContext } from './setup-context';

const ACTIONS: Record<string, string> = { create: '新建', read: '查看', update: '修改', delete: '删除', share: '分享' };
const PERMISSION_LABELS: Record<string, string> = {
  fields: '可用字段',
  permissions: '条目范围',
  validation: '校验条件',
  presets: '默认值',
};

/** A permission's content as compared across releases: field lists as sets. */
const permissionValue = (row: Record<string, any>) => ({
  fields: Array.isArray(row['fields']) ? [...row['fields']].sort() : (row['fields'] ?? null),
  permissions: row['permissions'] ?? null,
  validation: row['validation'] ?? null,
  presets: row['presets'] ?? null,
});

/**
 * Roles, policies and the permission cells named in access.yaml. Roles and policies are created when
 * missing. Each permission cell goes through the ledger (setup/reconcile-config.ts): created once,
 * changed by a release only where the administrator left it as shipped, taken away by a release that
 * no longer names it only when nobody changed it; a cell the administrator changed or deleted stays.
 */
export async function seedAccess(
  ctx: SetupContext,
  schema: unknown,
  ledger: ConfigLedger,
  labels: ModelLabels,
): Promise<{ created: number; updated: number; removed: number }> {
  const file = await readYaml<AccessFile>(ctx.snapshotsPath, 'access.yaml');
  const options = { knex: ctx.database, schema, accountability: SYSTEM_ADMIN };
  const policies = new ctx.services['PoliciesService'](options);
  const roles = new ctx.services['RolesService'](options);
  const access = new ctx.services['AccessService'](options);
  const permissions = new ctx.services['PermissionsService'](options);
  let created = 0;

  const policyIds = new Map<string, string>();
  for (const policy of file.policies) {
    const [existing] = await policies.readByQuery({ filter: { name: { _eq: policy.name } }, limit: 1, fields: ['id'] });
    if (existing) {
      policyIds.set(policy.name, existing.id);
      continue;
    }
    policyIds.set(policy.name, await policies.createOne({ ...policy, enforce_tfa: false }));
    created++;
  }

  // A department is its role record: once recorded in department_roles, the role is found by its id
  // (an administrator may rename it); only a department not yet recorded is matched by name or created.
  const recorded = new Map<string, string>(
    (await ctx.database('department_roles').select('department', 'role')).map((row: { department: string; role: string }) => [
      row.department,
      row.role,
    ]),
  );
  const departmentOfPolicy = new Map(file.policies.map((policy) => [policy.name, policy.department]));
  for (const role of file.roles) {
    const { policies: rolePolicies, ...fields } = role;
    const department = rolePolicies.map((name) => departmentOfPolicy.get(name)).find(Boolean) ?? null;
    const knownId = department ? recorded.get(department) : undefined;
    const [existing] = knownId
      ? await roles.readByQuery({ filter: { id: { _eq: knownId } }, limit: 1, fields: ['id'] })
      : await roles.readByQuery({ filter: { name: { _eq: role.name } }, limit: 1, fields: ['id'] });
    const roleId: string = existing?.id ?? (await roles.createOne(fields));
    if (!existing) created++;
    if (department && knownId !== roleId) {
      await ctx.database('department_roles').where({ department }).delete();
      await ctx.database('department_roles').insert({ department, role: roleId });
    }
    for (const policyName of rolePolicies) {
      const policyId = policyIds.get(policyName);
      if (!policyId) throw new Error(`access.yaml: role ${role.name} names unknown policy ${policyName}`);
      const links = await access.readByQuery({ filter: { role: { _eq: roleId }, policy: { _eq: policyId } }, limit: 1 });
      if (links.length === 0) {
        await access.createOne({ role: roleId, policy: policyId });
        created++;
      }
    }
  }

  // Field lists follow the current schema (a field added later joins them at once: after-sales-hooks/register-withheld-field-lists.ts).
  // Presentation fields (dividers, notices, the 办理 and 文书 panels) hold no data and are missing
  // from the schema overview, but a field list without them hides them from the form.
  const presentation: { collection: string; field: string }[] = await ctx
    .database('directus_fields')
    .select('collection', 'field')
    .where('special', 'like', '%no-data%');
  const fieldsOf = (collection: string) => [
    ...Object.keys((schema as SchemaOverview).collections[collection]?.fields ?? {}),
    ...presentation.filter((row) => row.collection === collection).map((row) => row.field),
  ];
  const policyNames = new Map([...policyIds].map(([name, id]) => [id, name]));
  const existing: Record<string, any>[] = await permissions.readByQuery({
    filter: { policy: { _in: [...policyIds.values()] } },
    limit: -1,
  });
  const cellKey = (policyName: string, collection: string, action: string) => `${policyName}:${collection}:${action}`;
  const counts = await reconcileConfig(ledger, {
    kind: 'permission',
    adopt: 'apply',
    removable: true,
    shipped: expandAccessMatrix(file, fieldsOf).map((rule) => ({
      key: cellKey(rule.policy, rule.collection, rule.action),
      label: `权限「${rule.policy} · ${labels.collection(rule.collection)} · ${ACTIONS[rule.action] ?? rule.action}」`,
      value: permissionValue({ ...rule, presets: null }),
    })),
    // The first cell of a policy, collection and action (an administrator may have added more).
    current: existing
      .filter(
        (row, index) =>
          existing.findIndex(
            (other) => other.policy === row.policy && other.collection === row.collection && other.action === row.action,
          ) === index,
      )
      .map((row) => ({
        key: cellKey(policyNames.get(row.policy)!, row.collection, row.action),
        target: String(row.id),
        value: permissionValue(row),
      })),
    propertyLabel: (property) => PERMISSION_LABELS[property] ?? property,
    create: async (item) => {
      const [policyName, collection, action] = item.key.split(':') as [string, string, string];
      const policyId = policyIds.get(policyName);
      if (!policyId) throw new Error(`access.yaml: permission names unknown policy ${policyName}`);
      return String(await permissions.createOne({ policy: policyId, collection, action, ...item.value }));
    },
    update: (target, values) => permissions.updateOne(Number(target), values),
    remove: (target) => permissions.deleteOne(Number(target)),
  });
  return { created: created + counts.created, updated: counts.updated, removed: counts.removed };
}
