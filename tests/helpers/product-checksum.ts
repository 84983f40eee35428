import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { root } from '../../scripts/lib/directus.mjs';
import type { Client } from './api';

/** Every table of the product (the collections of snapshots/schema.yaml that have a table). */
export const PRODUCT_TABLES: string[] = (
  parse(readFileSync(path.join(root, 'snapshots', 'schema.yaml'), 'utf8')).collections as { collection: string; schema: unknown }[]
)
  .filter((c) => Boolean(c.schema))
  .map((c) => c.collection)
  .sort();

export interface ProductState {
  counts: Record<string, number>;
  /** sha256 of the canonical JSON of every row of every product table */
  checksum: string;
}

const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
        )
      : value;

/** Reads every row of every product table as an administrator over HTTP and hashes it. */
export async function productState(url: string, admin: Client): Promise<ProductState> {
  const token: string = await (admin as any).getToken();
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const table of PRODUCT_TABLES) {
    const response = await fetch(`${url}/items/${table}?limit=-1&fields=*&sort=id`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`reading ${table}: HTTP ${response.status}`);
    const { data } = (await response.json()) as { data: unknown };
    const rows = Array.isArray(data) ? data : data ? [data] : [];
    counts[table] = rows.length;
    hash.update(`${table}\n${JSON.stringify(canonical(rows))}\n`);
  }
  return { counts, checksum: hash.digest('hex') };
}
