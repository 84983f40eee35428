import { defineConfig } from 'vitest/config';

// Integration and browser tests share one real Directus, started once per run by
// tests/helpers/global-setup.ts (or given by AFTER_SALES_TEST_URL). The scale project (two
// instances on PostgreSQL + Redis, started by the test itself) exists when a Redis is named.
export default defineConfig({
  test: {
    globalSetup: ['tests/helpers/global-setup.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['extensions/*/src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Faults (PostgreSQL restarted, Redis stopped) on servers the test starts itself; `npm test` runs it
        // where PostgreSQL's and Redis's programs are installed.
        test: {
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      ...(process.env['AFTER_SALES_TEST_REDIS']
        ? [
            {
              test: {
                name: 'scale',
                include: ['tests/scale/**/*.test.ts'],
                testTimeout: 180_000,
                hookTimeout: 300_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
