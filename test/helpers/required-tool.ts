/**
 * A command a test drives for real. Missing on a developer's machine, the test
 * is skipped; missing in CI (CI set), the run fails instead, so a check cannot
 * quietly stop being made (scripts/test-prerequisites.sh installs them all).
 */
import { spawnSync } from 'node:child_process';

export function hasTool(command: string, debianPackage: string): boolean {
  const found = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', command]).status === 0;
  if (!found && process.env.CI) throw new Error(`${command} is missing in CI: install the Debian package ${debianPackage} (scripts/test-prerequisites.sh)`);
  return found;
}
