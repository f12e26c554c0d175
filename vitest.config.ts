import { defineConfig } from 'vitest/config';

/** Integration tests the postgres project leaves out, each for its reason. */
const NOT_ON_POSTGRES = [
  // What only the embedded SQLite store has: its online backup, its write-ahead log, a pre-0010 file.
  'test/integration/backup-restore.test.ts',
  'test/integration/checkpointer.test.ts',
  'test/integration/board-report-before-0010.test.ts',
  // SIGKILLs a hub whose SQLite file is its durability; PostgreSQL's is the server's.
  'test/integration/crash-safety.test.ts',
  // Reads SQLite's query plans (EXPLAIN QUERY PLAN).
  'test/integration/scale-reads.test.ts',
  // Touch no hub database (the agent alone or against a stand-in hub, assess, rules check), or test PostgreSQL itself: once is enough.
  'test/integration/agent-collectors.test.ts',
  'test/integration/agent-cups-real.test.ts',
  'test/integration/agent-hub.test.ts',
  'test/integration/agent-output.test.ts',
  'test/integration/cli.test.ts',
  'test/integration/real-corpus.test.ts',
  'test/integration/rules-check-cli.test.ts',
  'test/integration/postgres-*.test.ts',
  // What sits in front of the store: TLS termination, a client aborting its request body, and Chromium printing a report (its data on PostgreSQL is board-report.test's).
  'test/integration/tls.test.ts',
  'test/integration/aborted-body.test.ts',
  'test/integration/board-report-pdf.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and integration tests start real servers and Chromium; two cores in CI.
    maxWorkers: 2,
    // A worker keeps the modules it has loaded from one test file to the next: importing the
    // hub afresh for each of ~270 files cost ~150 s of a 9-minute run on two cores. Nothing
    // a test needs is kept at module level (each makes its own hub, database and folders), and
    // the tests that change process.env or stderr put them back.
    isolate: false,
    // dist/ built from the source under test, for the CLI tests; one private PostgreSQL server for the run (test/helpers/postgres.ts).
    globalSetup: ['test/build-global-setup.ts', 'test/postgres-global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'] } },
      // The store's tests again, each test hub on its own PostgreSQL database (test/helpers/test-hub.ts).
      { extends: true, test: { name: 'postgres', include: ['test/integration/**/*.test.ts'], exclude: NOT_ON_POSTGRES, env: { ESTATEWATCH_TEST_STORE: 'postgres' } } },
    ],
  },
});
