import { describe, expect, test } from 'vitest';
import { unavailableService } from './unavailable-service';

const error = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields['message'] ?? '')), fields);

describe('unavailableService', () => {
  test.each([
    [
      'PostgreSQL stopped (fast shutdown)',
      error({ code: '57P01', message: 'terminating connection due to administrator command' }),
      'database',
    ],
    ['PostgreSQL starting up', error({ code: '57P03', message: 'the database system is starting up' }), 'database'],
    ['connection failure class 08', error({ code: '08006', message: 'connection failure' }), 'database'],
    ['connection closed under a query', error({ message: 'Connection terminated unexpectedly' }), 'database'],
    ['…as knex reports it, after the statement', error({ message: 'ROLLBACK - Connection terminated unexpectedly' }), 'database'],
    [
      'a query cut by the shutdown',
      error({ message: 'insert into "claim_reports" … - terminating connection due to administrator command' }),
      'database',
    ],
    [
      'pool gave up',
      error({ name: 'KnexTimeoutError', message: 'Knex: Timeout acquiring a connection. The pool is probably full.' }),
      'database',
    ],
    ['refused on connect', error({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }), 'network'],
    [
      'refused on every address (AggregateError)',
      new AggregateError([error({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED ::1:5432' })], ''),
      'network',
    ],
    [
      'Redis retries exhausted',
      error({ name: 'MaxRetriesPerRequestError', message: 'Reached the max retries per request limit (which is 20).' }),
      'redis',
    ],
    ['Redis offline, no queue', error({ message: "Stream isn't writeable and enableOfflineQueue options is false" }), 'redis'],
    ['wrapped in a cause', new Error('sweep failed', { cause: error({ code: '57P01', message: 'terminating connection' }) }), 'database'],
  ])('%s → %s', (_, thrown, expected) => expect(unavailableService(thrown)).toBe(expected));

  test('a refused connection to the database port names the database; to another port, a backend service', () => {
    const refused = error({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432', port: 5432 });
    expect(unavailableService(refused, { databasePort: 5432 })).toBe('database');
    expect(unavailableService(refused, { databasePort: 5433 })).toBe('network');
  });

  test.each([
    ['a unique violation', error({ code: '23505', message: 'duplicate key value violates unique constraint' })],
    ['a syntax error', error({ code: '42601', message: 'syntax error at or near "form"' })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', null],
  ])('%s → null', (_, thrown) => expect(unavailableService(thrown)).toBeNull());
});
