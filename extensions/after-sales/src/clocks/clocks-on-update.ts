import { clockDefinitionsFor } from '../domain/case-clocks';
import { readStored } from '../shared/data-access';
import type { HandlerContext, UpdateWrite } from '../shared/handler-context';
import { sameForEveryItem } from '../shared/same-for-every-item';
import { clockFieldsFor, derivedFields } from './derive-clock-fields';

type Item = Record<string, unknown>;

/** Filter for `items.update`: recomputes the clocks when a field they depend on changes. */
export async function clocksOnUpdate(data: HandlerContext, { collection, keys, payload }: UpdateWrite): Promise<Item> {
  const { now, timeZone } = data;
  const definitions = clockDefinitionsFor(collection);
  const inputs = new Set(definitions.flatMap((definition) => definition.inputs));
  if (!Object.keys(payload).some((field) => inputs.has(field))) return payload;
  const existing = await readStored(data, collection, keys);
  const results = await Promise.all(
    existing.map(async (row) => {
      const merged = { ...row, ...payload };
      const derived = derivedFields(collection, merged, payload, false, now);
      return { ...derived, ...(await clockFieldsFor(collection, { ...merged, ...derived }, data, timeZone)) };
    }),
  );
  return { ...payload, ...sameForEveryItem(results) };
}
