import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isMissingCommand } from '../../../agents/missing-command.js';
import { runTool } from '../../../agents/run-tool.js';

const dir = mkdtempSync(join(tmpdir(), 'ew-missing-command-'));
const bin = join(dir, 'bin');
const empty = join(dir, 'empty');
mkdirSync(bin);
mkdirSync(empty);
writeFileSync(join(bin, 'ew-tool'), '#!/bin/sh\necho ran\n');
chmodSync(join(bin, 'ew-tool'), 0o755);
// Present but not executable: the spawn, not the PATH check, must report it.
writeFileSync(join(bin, 'ew-not-executable'), 'plain text\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('isMissingCommand', () => {
  it('is true for a name that no PATH folder holds', () => {
    expect(isMissingCommand('ew-tool', [empty, join(dir, 'no-such-folder')].join(delimiter))).toBe(true);
  });

  it('is false when any PATH folder holds the name, executable or not', () => {
    expect(isMissingCommand('ew-tool', [empty, bin].join(delimiter))).toBe(false);
    expect(isMissingCommand('ew-not-executable', bin)).toBe(false);
  });

  it('leaves a command given as a path to the spawn', () => {
    expect(isMissingCommand(join(empty, 'ew-tool'), empty)).toBe(false);
  });
});

describe.skipIf(process.platform === 'win32')('runTool with the PATH check', () => {
  const withPath = async <T>(path: string, run: () => Promise<T>): Promise<T> => {
    const original = process.env.PATH;
    process.env.PATH = path;
    try {
      return await run();
    } finally {
      process.env.PATH = original;
    }
  };

  it('returns undefined for a tool that is not installed', async () => {
    await expect(withPath(empty, () => runTool('ew-tool', []))).resolves.toBeUndefined();
  });

  it('runs a tool found on PATH', async () => {
    await expect(withPath(bin, () => runTool('ew-tool', []))).resolves.toBe('ran\n');
  });

  it('still fails, as the spawn does, for a file on PATH that cannot run', async () => {
    await expect(withPath(bin, () => runTool('ew-not-executable', []))).rejects.toMatchObject({ code: 'tool-failed' });
  });
});
