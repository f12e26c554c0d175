import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAgentConfig, writeAgentConfig } from '../../../agents/agent-config.js';
import { defaultStateDir } from '../../../agents/state-dir.js';

describe('agent config', () => {
  let stateDir: string;
  beforeEach(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'ew-config-'));
  });
  afterEach(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });

  it('round-trips agent.json with mode 0600 and no temp file left', async () => {
    const config = { hubUrl: 'http://127.0.0.1:8080', agentId: 'a1', token: 'tok' };
    await writeAgentConfig(join(stateDir, 'new'), config);
    expect(await readAgentConfig(join(stateDir, 'new'))).toEqual(config);
    expect((await stat(join(stateDir, 'new', 'agent.json'))).mode & 0o777).toBe(0o600);
    expect(await readdir(join(stateDir, 'new'))).toEqual(['agent.json']);
  });

  it('returns undefined when not enrolled and throws on a broken file', async () => {
    expect(await readAgentConfig(stateDir)).toBeUndefined();
    await writeFile(join(stateDir, 'agent.json'), '{"token":');
    await expect(readAgentConfig(stateDir)).rejects.toMatchObject({ code: 'config-invalid' });
  });
});

describe('defaultStateDir', () => {
  it('prefers ESTATEWATCH_AGENT_STATE, then /var/lib for root, then ~/.local/state', () => {
    expect(defaultStateDir({ ESTATEWATCH_AGENT_STATE: '/srv/ew' }, 0, '/root')).toBe('/srv/ew');
    expect(defaultStateDir({}, 0, '/root')).toBe('/var/lib/estatewatch-agent');
    expect(defaultStateDir({ HOME: '/home/nurse' }, 1000, '/x')).toBe('/home/nurse/.local/state/estatewatch-agent');
  });
});
