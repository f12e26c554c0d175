import { defineConfig } from 'vitest/config';

/**
 * Tests of what only the embedded SQLite store has, or that run commands on a
 * data folder: they run on SQLite only.
 */
const SQLITE_ONLY = [
  'test/integration/backup-restore.test.ts',
  'test/integration/checkpointer.test.ts',
  'test/integration/audit-verify.test.ts',
  'test/integration/board-report-before-0010.test.ts',
  'test/integration/crash-safety.test.ts',
  'test/integration/cli.test.ts',
  'test/integration/report-cli.test.ts',
  'test/integration/rules-cli.test.ts',
  'test/integration/postgres-*.test.ts',
  // Reads SQLite's query plans (EXPLAIN QUERY PLAN).
  'test/integration/scale-reads.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and integration tests start real servers and Chromium; two cores in CI.
    maxWorkers: 2,
    // One private PostgreSQL server for the run (test/helpers/postgres.ts).
    globalSetup: ['test/postgres-global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'] } },
      // The store's tests again, each test hub on its own PostgreSQL database (test/helpers/test-hub.ts).
      { extends: true, test: { name: 'postgres', include: ['test/integration/**/*.test.ts'], exclude: SQLITE_ONLY, env: { ESTATEWATCH_TEST_STORE: 'postgres' } } },
    ],
  },
});
