import { readFile } from 'node:fs/promises';

/**
 * Reads a small text file, or `undefined` when it is missing or unreadable:
 * /sys and /etc files differ by distribution, hardware and privilege.
 */
export async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
