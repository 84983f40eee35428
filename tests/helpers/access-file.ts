import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { AccessFile, MatrixCell } from '../../extensions/after-sales/src/domain/access-matrix';

export const accessFile = parse(readFileSync(path.resolve(__dirname, '..', '..', 'snapshots', 'access.yaml'), 'utf8')) as AccessFile;

/** The declared cell of a policy on a collection, with `$DEPARTMENT` replaced; null: no access. */
export function declaredCell(policy: string, collection: string): MatrixCell | null {
  const raw = accessFile.matrix[policy]?.[collection] ?? (accessFile.rule_tables.includes(collection) ? 'R' : undefined);
  if (!raw) return null;
  const cell = typeof raw === 'string' ? { actions: raw } : raw;
  const department = accessFile.policies.find((p) => p.name === policy)?.department ?? null;
  return JSON.parse(JSON.stringify(cell).replaceAll('"$DEPARTMENT"', JSON.stringify(department))) as MatrixCell;
}
