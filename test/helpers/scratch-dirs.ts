import fs from 'node:fs';
import { afterAll } from 'vitest';
import { tempDir } from './test-hub.js';

/** Makes temporary folders for one test file's tests and removes them all after its last test. */
export function scratchDirs(): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = tempDir();
    made.push(dir);
    return dir;
  };
}
