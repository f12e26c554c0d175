/**
 * Builds dist/ from the source under test before any test runs: the CLI tests
 * run the built command line, as `npm install` leaves it (package.json's
 * `bin`), which starts in half the time tsx takes to load the source (~0.15 s
 * against ~0.3 s a command, ~180 commands a run). Building here, not in
 * `npm test` alone, keeps a single file run by `npx vitest` from testing an
 * older build.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  // Each project inherits this setup, and vitest runs it once per project: once is enough.
  if (process.env.ESTATEWATCH_TEST_BUILT) return;
  process.env.ESTATEWATCH_TEST_BUILT = '1';
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: path.resolve(import.meta.dirname, '..'), stdio: 'inherit' });
}
