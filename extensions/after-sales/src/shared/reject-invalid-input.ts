import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { inputViolation, needsStoredItem } from '../domain/input-rules';
import { InvalidInputError } from '../errors/invalid-input-error';
import { readStored } from './data-access';
import type { ClientWrite, HandlerContext } from './handler-context';
import { fieldLabels, labelsOf } from './field-labels';

const lengthCache = new Map<string, Promise<Record<string, number>>>();

/** Declared lengths of a collection's varchar columns, read once per process per collection. */
function columnLengths(database: Knex, collection: string): Promise<Record<string, number>> {
  let lengths = lengthCache.get(collection);
  if (!lengths) {
    lengths = database(collection)
      .columnInfo()
      .then((columns) =>
        Object.fromEntries(
          Object.entries(columns).flatMap(([field, info]) => (Number(info.maxLength) > 0 ? [[field, Number(info.maxLength)]] : [])),
        ),
      )
      .catch((error: unknown) => {
        lengthCache.delete(collection);
        throw error;
      });
    lengthCache.set(collection, lengths);
  }
  return lengths;
}

/**
 * Filter for `items.create` / `items.update` of client requests (the console's own writes are
 * trusted): every written value must pass domain/input-rules, checked against the stored item
 * on an update. Refused before anything is written, so a batch with one bad row writes nothing.
 */
export async function rejectInvalidInput(data: HandlerContext, { collection, payload, keys }: ClientWrite): Promise<void> {
  const { accountability, now } = data;
  if (!accountability || typeof payload !== 'object' || payload === null) return;
  const fields = (data.schema as SchemaOverview).collections[collection]?.fields;
  if (!fields) return;
  const fieldTypes = Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.type as string]));
  const rows = (Array.isArray(payload) ? payload : [payload]) as Record<string, unknown>[];
  const currents = keys?.length && rows.some((row) => needsStoredItem(collection, row)) ? await readStored(data, collection, keys) : [null];
  const labels = labelsOf(await fieldLabels(data.database), collection);
  const maxLengths = await columnLengths(data.database, collection);
  for (const changes of rows) {
    for (const current of currents) {
      const violation = inputViolation({ collection, fieldTypes, maxLengths, changes, current, now, labels });
      if (violation)
        throw new InvalidInputError({ field: violation.field, label: labels[violation.field] ?? violation.field, rule: violation.rule });
    }
  }
}
