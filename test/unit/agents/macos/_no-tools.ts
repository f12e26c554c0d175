import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * Points PATH at an empty folder for the file's tests, so every inventory
 * tool is missing for real (ENOENT from execFile), on Linux and on a Mac alike.
 */
export function withoutTools(): void {
  const original = process.env.PATH;
  const empty = mkdtempSync(join(tmpdir(), 'ew-no-tools-'));
  beforeAll(() => {
    process.env.PATH = empty;
  });
  afterAll(() => {
    process.env.PATH = original;
    rmSync(empty, { recursive: true, force: true });
  });
}
