import type { TestProject } from 'vitest/node';
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
  const server = await startTestServer();
  console.log(`[global-setup] Directus for this run: ${server.url}`);
  project.provide('baseUrl', server.url);
  return async () => server.destroy();
}
