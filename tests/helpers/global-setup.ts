import type { TestProject } from 'vitest/node';
import { createTestDatabase } from './postgres.mjs';
import { startTestServer } from './test-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One Directus for the whole run, shared by integration and browser tests. */
export default async function setup(project: TestProject) {
  // Only the integration and browser projects talk to Directus; a unit-only run starts none.
  const needsServer = project.vitest.projects.some((p) => p.name === 'integration' || p.name === 'browser');
  const given = process.env['AFTER_SALES_TEST_URL'];
  if (given || !needsServer) {
    project.provide('baseUrl', given ?? '');
    return;
  }
  // AFTER_SALES_TEST_DB=pg runs the same suite on PostgreSQL (npm test does so when AFTER_SALES_TEST_PG is set).
  const postgres = process.env['AFTER_SALES_TEST_DB'] === 'pg' ? createTestDatabase(requiredEnv('AFTER_SALES_TEST_PG')) : null;
  const server = await startTestServer(postgres?.env ?? {});
  console.log(
    `[global-setup] Directus for this run: ${server.url} on ${postgres ? `PostgreSQL ${postgres.env['DB_DATABASE']}` : 'SQLite'}`,
  );
  project.provide('baseUrl', server.url);
  return async () => {
    await server.destroy();
    postgres?.drop();
  };
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set to a PostgreSQL URL when AFTER_SALES_TEST_DB=pg`);
  return value;
}
