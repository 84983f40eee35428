import { clockDefinitionsFor } from '../domain/case-clocks';
import type { CreateWrite, HandlerContext } from '../shared/handler-context';
import { clockFieldsFor, derivedFields } from './derive-clock-fields';

type Item = Record<string, unknown>;

/** Filter for `items.create`: the new case leaves with its due and warning times set. */
export async function clocksOnCreate(data: HandlerContext, { collection, payload }: CreateWrite): Promise<Item> {
  const { now, timeZone } = data;
  if (clockDefinitionsFor(collection).length === 0) return payload;
  const withDerived = { ...payload, ...derivedFields(collection, payload, payload, true, now) };
  return { ...withDerived, ...(await clockFieldsFor(collection, withDerived, data, timeZone)) };
}
