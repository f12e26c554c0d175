import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('lowerPriority', () => {
  it('drops the process it runs in to nice 19', () => {
    // In a child process, so the test runner keeps its own priority.
    const module = path.resolve(import.meta.dirname, '../../../agents/priority.ts');
    const script = `import { lowerPriority } from ${JSON.stringify(module)}; import os from 'node:os'; console.log(lowerPriority(), os.getPriority());`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out.trim()).toBe('true 19');
  });
});
