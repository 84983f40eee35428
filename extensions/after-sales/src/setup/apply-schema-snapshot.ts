import { readYaml } from './read-yaml';
import { SYSTEM_ADMIN, type SetupContext } from './setup-context';

interface DiffEntry {
  kind: 'N' | 'D' | 'E' | 'A';
  path?: (string | number)[];
}
interface SnapshotDiff {
  collections: { collection: string; diff: DiffEntry[] }[];
  fields: { collection: string; field: string; diff: DiffEntry[] }[];
  systemFields?: { collection: string; field: string; diff: DiffEntry[] }[];
  relations: { collection: string; field: string; related_collection: string | null; diff: DiffEntry[] }[];
}

const removesWhole = (diff: DiffEntry[]) => diff.length === 1 && diff[0]?.kind === 'D' && !diff[0].path;
const createsWhole = (diff: DiffEntry[]) => diff.length === 1 && diff[0]?.kind === 'N' && !diff[0].path;

/**
 * Upgrade in place: what the snapshot adds is created, and labels, notes and interfaces (`meta`)
 * follow the snapshot. What only the database has (a field an administrator added) is kept, and
 * column definitions of existing fields are never altered here: that needs a written migration.
 */
export function additiveDiff(diff: SnapshotDiff): SnapshotDiff {
  const keepMeta = (entries: DiffEntry[]) =>
    createsWhole(entries) ? entries : entries.filter((entry) => entry.path?.[0] === 'meta');
  const fields = diff.fields
    .filter((entry) => !removesWhole(entry.diff))
    .map((entry) => ({ ...entry, diff: keepMeta(entry.diff) }))
    .filter((entry) => entry.diff.length > 0);
  return {
    collections: diff.collections
      .filter((entry) => !removesWhole(entry.diff))
      .map((entry) => ({ ...entry, diff: keepMeta(entry.diff) }))
      .filter((entry) => entry.diff.length > 0),
    fields,
    systemFields: [],
    relations: diff.relations.filter((entry) => createsWhole(entry.diff)),
  };
}

export async function applySchemaSnapshot(ctx: SetupContext): Promise<number> {
  const snapshot = await readYaml<Record<string, unknown>>(ctx.snapshotsPath, 'schema.yaml');
  const service = new ctx.services['SchemaService']({ knex: ctx.database, accountability: SYSTEM_ADMIN });
  // force: a snapshot taken on SQLite also serves PostgreSQL; only meta and new items are applied.
  const diff: SnapshotDiff | null = await service.diff(snapshot, { force: true });
  if (!diff) return 0;
  const changes = additiveDiff(diff);
  const count = changes.collections.length + changes.fields.length + changes.relations.length;
  if (count === 0) return 0;
  const current = await service.snapshot();
  await service.apply({ hash: service.getHashedSnapshot(current).hash, diff: changes }, { force: true });
  return count;
}
