import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';

// The choice lists the admin UI offers and the validations the server applies are generated together
// (scripts/model/dsl.mjs); a snapshot merged from two branches once carried a new choice without its
// validation, so the API refused a value the form offered. Every select field must agree with itself.
const snapshot = parse(readFileSync(path.resolve(__dirname, '..', '..', 'snapshots', 'schema.yaml'), 'utf8'));
const selects = (snapshot.fields as any[]).filter((field) => Array.isArray(field.meta?.options?.choices) && field.meta?.validation);

test('there are select fields with validations to check', () => {
  expect(selects.length).toBeGreaterThan(30);
});

test.each(selects.map((field) => [`${field.collection}.${field.field}`, field]))(
  '%s: the validation allows exactly the offered choices',
  (_name, field: any) => {
    const offered = field.meta.options.choices.map((choice: { value: string }) => choice.value);
    const rule = field.meta.validation._and?.find((condition: Record<string, any>) => condition[field.field]?._in)?.[field.field]?._in;
    expect(rule, 'an _in rule on the field itself').toBeDefined();
    expect(rule.filter((value: unknown) => value !== null)).toEqual(offered);
    for (const choice of field.meta.options.choices) expect(field.meta.validation_message).toContain(choice.text);
  },
);
