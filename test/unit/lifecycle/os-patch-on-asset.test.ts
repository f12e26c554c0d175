import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describePatch, installedUpdate } from '../../../src/lifecycle/describe-patch.js';
import { osPatchOnAsset } from '../../../src/lifecycle/os-patch-on-asset.js';
import type { PatchCurrency } from '../../../src/lifecycle/verdict.js';
import { loadWindowsUpdates } from '../../../src/rules/load-windows-updates.js';
import { OPTS } from './real-rules.js';

const updates = loadWindowsUpdates(fileURLToPath(new URL('../../../rules', import.meta.url)));
const windows = (build: string, asOf = OPTS.asOf) => osPatchOnAsset(null, { family: 'windows', build }, updates, { ...OPTS, asOf });

describe('osPatchOnAsset (the shipped cumulative-update list, as of 2026-11-23)', () => {
  it('counts a Windows 10 22H2 build two years old behind since the next update, with the update it has and its month', () => {
    const patch = windows('10.0.19045.5131');
    expect(patch).toEqual({
      state: 'behind', newest: '10.0.19045.7417 (KB5094127)', newestDate: '2026-06-09', since: '2024-12-10',
      installed: { label: 'KB5046613', date: '2024-11-12' },
    });
    expect(installedUpdate(patch)).toBe('KB5046613 (Nov 2024)');
    expect(describePatch(patch, OPTS.asOf)).toBe('behind: a newer update has been out since 2024-12-10 (713 days); the newest is 10.0.19045.7417 (KB5094127) of 2026-06-09');
  });

  it('calls the newest update current while the list is fresh, and cannot tell once it is older than the stale limit', () => {
    expect(windows('10.0.19045.7417', '2026-06-30')).toMatchObject({ state: 'current', since: null, installed: { label: 'KB5094127' } });
    // The list stops on 2026-06-23: by 2026-11-23 a newer update may be out.
    expect(windows('10.0.19045.7417')).toBeNull();
  });

  it('keeps the OS\'s own verdict where the list cannot speak: another OS, a build it lacks, no build', () => {
    const own: PatchCurrency = { state: 'behind', newest: '14.8.9', newestDate: '2026-08-06', since: '2026-08-06' };
    expect(osPatchOnAsset(own, { family: 'macos', build: '23E214' }, updates, OPTS)).toBe(own);
    expect(windows('10.0.19041.450')).toBeNull();
    expect(osPatchOnAsset(null, { family: 'windows', build: null }, updates, OPTS)).toBeNull();
    expect(osPatchOnAsset(null, { family: 'windows', build: '10.0.19045.5131' }, undefined, OPTS)).toBeNull();
  });
});
