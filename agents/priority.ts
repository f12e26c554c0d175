import os from 'node:os';

/**
 * Drops this process to the lowest CPU priority (nice 19; "idle" on Windows) so
 * a scan on a ward PC never slows the clinical system the nurse is using.
 * Failure (a locked-down host) is not a reason to skip the scan.
 */
export function lowerPriority(): boolean {
  try {
    os.setPriority(os.constants.priority.PRIORITY_LOW);
    return true;
  } catch {
    return false;
  }
}
