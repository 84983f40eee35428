import { systemCollectionNames } from '@directus/system-data';
import { expect, test } from 'vitest';
import { QUERY_EVENTS } from './reject-hidden-user-fields';

test('the guard listens to the query event of every system collection of this Directus, and of the product collections', () => {
  const scopes = systemCollectionNames.map((name: string) => `${name.slice('directus_'.length)}.query`);
  expect([...QUERY_EVENTS].sort()).toEqual(['items.query', ...scopes].sort());
});
