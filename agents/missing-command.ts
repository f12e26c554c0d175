import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where a spawn looks when PATH is unset (Node's documented default for execvp). */
const DEFAULT_SEARCH_PATH = '/usr/bin:/bin';

/**
 * Whether `command` is certainly not installed: a bare name that no folder on
 * `searchPath` holds. Most machines lack most of the package managers the agent
 * asks for, and a spawn that fails with ENOENT still costs a fork and an exec
 * (10–20 ms of CPU on a small VM) where a few stat calls cost microseconds.
 * Anything less certain is left to the spawn, so its errors stay the spawn's:
 * a path, a file that may not be executable, a folder we may not search, and
 * Windows, which also tries PATHEXT and the current folder.
 *
 * Synchronous on purpose: the spawn that follows stays in the caller's tick.
 */
export function isMissingCommand(command: string, searchPath: string | undefined): boolean {
  if (process.platform === 'win32' || command.includes('/')) return false;
  // An empty PATH entry means the current folder, as it does for execvp.
  return (searchPath ?? DEFAULT_SEARCH_PATH).split(delimiter).every((dir) => isAbsent(join(dir || '.', command)));
}

function isAbsent(file: string): boolean {
  try {
    statSync(file);
    return false;
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    return code === 'ENOENT' || code === 'ENOTDIR';
  }
}
