import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAgent, type AgentIo } from '../../../agents/main.js';

function captureIo(env: NodeJS.ProcessEnv = {}): AgentIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env,
    out: () => out,
    err: () => err,
  };
}

describe('runAgent', () => {
  it('prints the full usage on --help and exits 0', async () => {
    const io = captureIo();
    expect(await runAgent(['--help'], io)).toBe(0);
    for (const word of ['enrol', '--dry-run', '--once', '--schedule', '--jitter', '--state-dir', '--hub', 'Exit status']) {
      expect(io.out()).toContain(word);
    }
  });

  it('prints the problem and the usage on stderr for bad arguments, exit 2', async () => {
    const io = captureIo();
    expect(await runAgent(['--once', '--dry-run'], io)).toBe(2);
    expect(io.err()).toMatch(/^estatewatch agent: choose one mode/);
    expect(io.err()).toContain('Usage: estatewatch agent');
    expect(io.out()).toBe('');
  });

  it('rejects a hub URL that is not http(s) with exit 2', async () => {
    const io = captureIo();
    expect(await runAgent(['enrol', '--hub', 'ftp://hub', '--secret', 's', '--state-dir', tmpdir()], io)).toBe(2);
    expect(io.err()).toContain('must start with http:// or https://');
  });

  it('tells an unenrolled machine how to enrol, exit 1', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'ew-main-'));
    try {
      const io = captureIo();
      expect(await runAgent(['--once', '--state-dir', stateDir], io)).toBe(1);
      expect(io.err()).toContain('not enrolled');
      expect(io.err()).toContain('estatewatch agent enrol --hub');
    } finally {
      await rm(stateDir, { recursive: true, force: true });
    }
  });
});
