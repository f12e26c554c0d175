/** The air-gapped path: the real agent appends reports to a file, one JSON line each. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAgent } from '../../agents/main.js';
import { checkReport } from '../../src/contract/report.js';
import { tempDir } from '../helpers/test-hub.js';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('estatewatch agent --output', () => {
  it('appends one valid report per scan and sends nothing', async () => {
    const file = path.join(dir, 'reports.ndjson');
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {} };
    expect(await runAgent(['--output', file, '--priority', 'normal'], io)).toBe(0);
    expect(await runAgent(['--output', file, '--priority', 'normal'], io)).toBe(0);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(checkReport(JSON.parse(line)).ok).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dir, 'spool'))).toBe(false);
  });
});
