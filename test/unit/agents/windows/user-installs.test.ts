import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCollectionOutput, windowsReportPart } from '../../../../agents/windows/collect-windows.js';
import { loadUserInstalls, parseProfiles, saveUserInstalls, USER_INSTALLS_FILE, withRememberedUsers, type UserInstallMemory } from '../../../../agents/windows/user-installs.js';
import type { Software } from '../../../../src/contract/report.js';
import { collectionDocument, WARD_PC_SECTIONS } from '../../../helpers/windows-collection.js';
import { fixture } from './_fixture.js';

const NURSE = 'S-1-5-21-1004336348-1177238915-682003330-1104';
const LOCUM = 'S-1-5-21-1004336348-1177238915-682003330-3301';
const zoom = (hive: string): Software => ({ name: 'Zoom', version: '5.17.11 (34827)', vendor: 'Zoom Video Communications, Inc.', source: 'registry', hive });
const epr: Software = { name: 'EPR Viewer (per user)', version: '3.2', source: 'registry', hive: LOCUM };

describe('withRememberedUsers', () => {
  const memory: UserInstallMemory = { [LOCUM]: { seenAt: '2026-11-20T02:00:00.000Z', software: [epr, zoom(LOCUM)] } };

  it("keeps a logged-off user's last list, marked with when it was read, and lists a program several users have once", () => {
    const result = withRememberedUsers([zoom(NURSE)], [{ sid: NURSE, loaded: true }, { sid: LOCUM, loaded: false }], memory, '2026-11-23T02:00:00.000Z');
    expect(result.software).toEqual([zoom(NURSE), { ...epr, seenAt: '2026-11-20T02:00:00.000Z' }]);
    expect(result.memory).toEqual({ [NURSE]: { seenAt: '2026-11-23T02:00:00.000Z', software: [zoom(NURSE)] }, [LOCUM]: memory[LOCUM] });
  });

  it("replaces a logged-on user's list with what was read now: an uninstall is a removal", () => {
    const result = withRememberedUsers([], [{ sid: LOCUM, loaded: true }], memory, '2026-11-23T02:00:00.000Z');
    expect(result.software).toEqual([]);
    expect(result.memory).toEqual({ [LOCUM]: { seenAt: '2026-11-23T02:00:00.000Z', software: [] } });
  });

  it("forgets a deleted profile's list", () => {
    expect(withRememberedUsers([], [{ sid: NURSE, loaded: true }], memory, '2026-11-23T02:00:00.000Z').memory).not.toHaveProperty(LOCUM);
  });
});

describe('the memory file', () => {
  it('round-trips in the state folder, readable by the agent only; a missing or broken file is an empty memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'estatewatch-users-'));
    try {
      expect(await loadUserInstalls(dir)).toEqual({});
      const memory: UserInstallMemory = { [LOCUM]: { seenAt: '2026-11-20T02:00:00.000Z', software: [epr] } };
      await saveUserInstalls(dir, memory);
      expect(await loadUserInstalls(dir)).toEqual(memory);
      expect(statSync(join(dir, USER_INSTALLS_FILE)).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(join(dir, USER_INSTALLS_FILE), 'utf8'))).toEqual(memory);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a Windows scan with profiles', () => {
  it('parses the profiles section', () => {
    expect(parseProfiles(fixture('profiles-ward-pc.json'))).toEqual([
      { sid: NURSE, loaded: true },
      { sid: 'S-1-5-21-1004336348-1177238915-682003330-2217', loaded: true },
      { sid: LOCUM, loaded: false },
    ]);
  });

  it('carries the logged-off locum\'s software into the report and remembers the logged-on users\' lists', () => {
    const doc = parseCollectionOutput(collectionDocument({ ...WARD_PC_SECTIONS, profiles: 'profiles-ward-pc.json' }));
    const memory: UserInstallMemory = { [LOCUM]: { seenAt: '2026-11-20T02:00:00.000Z', software: [epr] } };
    const part = windowsReportPart(doc, memory, '2026-11-23T02:00:00.000Z');
    expect(part.software?.find((s) => s.name === 'EPR Viewer (per user)')).toEqual({ ...epr, seenAt: '2026-11-20T02:00:00.000Z' });
    expect(part.software?.filter((s) => s.name === 'Zoom')).toHaveLength(1);
    expect(Object.keys(part.userInstalls).sort()).toEqual([NURSE, 'S-1-5-21-1004336348-1177238915-682003330-2217', LOCUM]);
    expect(part.userInstalls[NURSE]?.software.map((s) => s.name)).toEqual(['Zoom', 'Microsoft Teams', 'Python 3.12.3 (64-bit)']);
  });
});
