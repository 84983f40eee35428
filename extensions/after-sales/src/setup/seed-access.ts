import type { SchemaOverview } from '@directus/types';
import { expandAccessMatrix, type AccessFile } from '../domain/access-matrix';
import { readYaml } from './read-yaml';
import { SYSTEM_ADMIN, type SetupContext } from './setup-context';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Roles, policies and the permission cells named in access.yaml (see the rule stated there). A cell in the file is set to what
 * the file says on every start; cells the file does not name (added by an administrator) are kept.
 */
export async function seedAccess(ctx: SetupContext, schema: unknown): Promise<{ created: number; updated: number }> {
  const file = await readYaml<AccessFile>(ctx.snapshotsPath, 'access.yaml');
  const options = { knex: ctx.database, schema, accountability: SYSTEM_ADMIN };
  const policies = new ctx.services['PoliciesService'](options);
  const roles = new ctx.services['RolesService'](options);
  const access = new ctx.services['AccessService'](options);
  const permissions = new ctx.services['PermissionsService'](options);
  let created = 0;
  let updated = 0;

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
  const recorded = new Map<string, string>((await ctx.database('department_roles').select('department', 'role')).map((row: { department: string; role: string }) => [row.department, row.role]));
  const departmentOfPolicy = new Map(file.policies.map((policy) => [policy.name, policy.department]));
  for (const role of file.roles) {
    const { policies: rolePolicies, ...fields } = role;
    const department = rolePolicies.map((name) => departmentOfPolicy.get(name)).find(Boolean) ?? null;
    const knownId = department ? recorded.get(department) : undefined;
    let [existing] = knownId
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
  const presentation: { collection: string; field: string }[] = await ctx.database('directus_fields').select('collection', 'field').where('special', 'like', '%no-data%');
  const fieldsOf = (collection: string) => [
    ...Object.keys((schema as SchemaOverview).collections[collection]?.fields ?? {}),
    ...presentation.filter((row) => row.collection === collection).map((row) => row.field),
  ];
  for (const rule of expandAccessMatrix(file, fieldsOf)) {
    const policyId = policyIds.get(rule.policy);
    if (!policyId) throw new Error(`access.yaml: permission names unknown policy ${rule.policy}`);
    const wanted = {
      policy: policyId,
      collection: rule.collection,
      action: rule.action,
      fields: rule.fields,
      permissions: rule.permissions,
      validation: rule.validation,
      presets: null,
    };
    const [existing] = await permissions.readByQuery({
      filter: { policy: { _eq: policyId }, collection: { _eq: rule.collection }, action: { _eq: rule.action } },
      limit: 1,
    });
    if (!existing) {
      await permissions.createOne(wanted);
      created++;
    } else if (
      !sameJson(existing.fields, wanted.fields) ||
      !sameJson(existing.permissions, wanted.permissions) ||
      !sameJson(existing.validation, wanted.validation) ||
      !sameJson(existing.presets, wanted.presets)
    ) {
      await permissions.updateOne(existing.id, wanted);
      updated++;
    }
  }
  return { created, updated };
}
